namespace Sidig.Web.Features.Import;

/// <summary>
/// One problem found in an import file: <see cref="Row"/> is the spreadsheet row number (null for a problem of the whole
/// file, such as a missing column), <see cref="Column"/> the header, <see cref="Code"/> a resource key with its arguments.
/// </summary>
public sealed record ImportError(int? Row, string? Column, string Code, params object[] Args);

/// <summary>A row that passed the schema: its parsed value and where it came from.</summary>
public sealed record ImportRow<TRow>(int Number, TRow Value);

/// <summary>A column of an import file, as templates and the dialog show it.</summary>
public sealed record ImportColumn(string Name, bool Required, string? Example, IReadOnlyList<string> Aliases)
{
    /// <summary>Headers match the name or an alias, ignoring case and surrounding spaces.</summary>
    public bool Matches(string header) =>
        string.Equals(Name, header.Trim(), StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, header.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The errors of one check, in the order found; business checks add theirs with the same methods.</summary>
public sealed class ImportErrors
{
    private readonly List<ImportError> _errors = [];
    private readonly HashSet<int> _rows = [];

    public IReadOnlyList<ImportError> All => _errors;
    public int Count => _errors.Count;

    public void AddFileError(string code, params object[] args) => _errors.Add(new ImportError(null, null, code, args));

    public void Add(int row, string? column, string code, params object[] args)
    {
        _errors.Add(new ImportError(row, column, code, args));
        _rows.Add(row);
    }

    public void Add<TRow>(ImportRow<TRow> row, string? column, string code, params object[] args) => Add(row.Number, column, code, args);

    public bool HasErrorsIn(int row) => _rows.Contains(row);

    /// <summary>
    /// Marks every row whose key was already seen earlier in the file ("Import.Duplicate": the value and the first row's
    /// number). Keys are compared with <paramref name="comparer"/> (default: equality of the key type).
    /// </summary>
    public void AddDuplicates<TRow, TKey>(IEnumerable<ImportRow<TRow>> rows, Func<TRow, TKey?> key, string column,
        IEqualityComparer<TKey>? comparer = null) where TKey : notnull
    {
        var first = new Dictionary<TKey, int>(comparer);
        foreach (var row in rows)
        {
            if (key(row.Value) is not { } value) continue;
            if (value is string s && s.Length == 0) continue;
            if (first.TryGetValue(value, out var earlier)) Add(row.Number, column, "Import.Duplicate", value, earlier);
            else first[value] = row.Number;
        }
    }
}

/// <summary>The columns of an import without their row type: for templates, header checks and the dialog.</summary>
public abstract class ImportSchema
{
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    public IReadOnlyList<string> Headers => Columns.Select(c => c.Name).ToList();

    /// <summary>Spreadsheet column letters (0 → A, 26 → AA), to name a column that has no header.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26) letters = (char)('A' + (index - 1) % 26) + letters;
        return letters;
    }
}

/// <summary>
/// Describes the columns of one kind of import and parses a <see cref="TabularFile"/> into rows of
/// <typeparamref name="TRow"/> (a class with settable properties). Built once by the importer:
/// <code>
/// new ImportSchema&lt;ProductRow&gt;()
///     .Required("SKU", CellParsers.Text(40), (r, v) => r.Sku = v, example: "TV-32A")
///     .Optional("Harga", CellParsers.Decimal(min: 0), (r, v) => r.Price = v, example: "1500000", aliases: ["Price"])
///     .Unique("SKU");
/// </code>
/// An empty cell in an optional column leaves the property at its default. Rows with any error are not given to the
/// importer's business checks.
/// </summary>
public sealed class ImportSchema<TRow> : ImportSchema where TRow : new()
{
    private sealed record Bound(ImportColumn Column, Func<TRow, string, ImportError?> Apply);

    private readonly List<Bound> _columns = [];
    private readonly List<string> _unique = [];

    public override IReadOnlyList<ImportColumn> Columns => _columns.Select(c => c.Column).ToList();

    public ImportSchema<TRow> Required<T>(string name, CellParser<T> parser, Action<TRow, T> set, string? example = null, string[]? aliases = null) =>
        Add(new ImportColumn(name, true, example, aliases ?? []), parser, set);

    public ImportSchema<TRow> Optional<T>(string name, CellParser<T> parser, Action<TRow, T> set, string? example = null, string[]? aliases = null) =>
        Add(new ImportColumn(name, false, example, aliases ?? []), parser, set);

    /// <summary>The column's values must not repeat within the file (compared trimmed and ignoring case).</summary>
    public ImportSchema<TRow> Unique(string column)
    {
        if (!_columns.Any(c => c.Column.Name == column)) throw new ArgumentException($"No column {column}", nameof(column));
        _unique.Add(column);
        return this;
    }

    private ImportSchema<TRow> Add<T>(ImportColumn column, CellParser<T> parser, Action<TRow, T> set)
    {
        if (_columns.Any(c => c.Column.Matches(column.Name) || column.Aliases.Any(c.Column.Matches)))
            throw new ArgumentException($"Column {column.Name} twice", nameof(column));
        _columns.Add(new Bound(column, (row, text) =>
        {
            var parsed = parser(text);
            if (!parsed.Succeeded) return new ImportError(null, column.Name, parsed.Error!, parsed.Args);
            set(row, parsed.Value!);
            return null;
        }));
        return this;
    }

    /// <summary>Checks the header and every row; the valid rows come back parsed, the others as errors.</summary>
    public ImportCheck<TRow> Parse(TabularFile file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var errors = new ImportErrors();
        var positions = MapHeaders(file, errors);
        var valid = new List<ImportRow<TRow>>();
        if (positions is null) return new ImportCheck<TRow>(file.Rows.Count, valid, errors);

        var uniques = _unique.Select(name => (Name: name, At: positions.FindIndex(p => p.Column.Column.Name == name)))
            .Where(u => u.At >= 0)
            .Select(u => (u.Name, positions[u.At].Index, First: new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var done = 0;
        foreach (var row in file.Rows)
        {
            var value = new TRow();
            var ok = true;
            foreach (var (column, index) in positions)
            {
                var text = row[index];
                var error = text.Length == 0
                    ? column.Column.Required ? new ImportError(null, column.Column.Name, "Import.Required") : null
                    : column.Apply(value, text);
                if (error is null) continue;
                errors.Add(row.Number, error.Column, error.Code, error.Args);
                ok = false;
            }
            foreach (var (name, index, first) in uniques)
            {
                var key = row[index];
                if (key.Length == 0) continue;
                if (first.TryGetValue(key, out var earlier))
                {
                    errors.Add(row.Number, name, "Import.Duplicate", key, earlier);
                    ok = false;
                }
                else first[key] = row.Number;
            }
            if (ok) valid.Add(new ImportRow<TRow>(row.Number, value));
            if (++done % 500 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportStage.Checking, done, file.Rows.Count));
            }
        }
        return new ImportCheck<TRow>(file.Rows.Count, valid, errors);
    }

    /// <summary>Where each known column is in the file; null when rows cannot be checked (a required column is missing or twice).</summary>
    private List<(Bound Column, int Index)>? MapHeaders(TabularFile file, ImportErrors errors)
    {
        var positions = new List<(Bound Column, int Index)>();
        var blocking = false;
        for (var i = 0; i < file.Headers.Count; i++)
        {
            var header = file.Headers[i].Trim();
            if (header.Length == 0)
            {
                if (file.Rows.Any(r => r[i].Length > 0)) errors.AddFileError("Import.ColumnWithoutHeader", ColumnLetter(i));
                continue;
            }
            var match = _columns.FindIndex(c => c.Column.Matches(header));
            if (match < 0) errors.AddFileError("Import.UnknownColumn", header);
            else if (positions.Any(p => p.Column.Column == _columns[match].Column))
            {
                errors.AddFileError("Import.DuplicateColumn", header);
                blocking = true;
            }
            else positions.Add((_columns[match], i));
        }
        // Values to the right of the last header belong to no column.
        var widest = file.Rows.Count == 0 ? 0 : file.Rows.Max(r => r.Cells.Count);
        for (var i = file.Headers.Count; i < widest; i++)
            if (file.Rows.Any(r => r[i].Length > 0)) errors.AddFileError("Import.ColumnWithoutHeader", ColumnLetter(i));
        foreach (var missing in _columns.Where(c => c.Column.Required && positions.All(p => p.Column.Column != c.Column)))
        {
            errors.AddFileError("Import.MissingColumn", missing.Column.Name);
            blocking = true;
        }
        return blocking ? null : positions;
    }
}

/// <summary>What the schema made of a file: all rows counted, the valid ones parsed, the rest as errors.</summary>
public sealed record ImportCheck<TRow>(int RowCount, IReadOnlyList<ImportRow<TRow>> Valid, ImportErrors Errors);
