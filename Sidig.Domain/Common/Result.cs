namespace Sidig.Domain.Common;

/// <summary>Outcome of a command. Errors carry resource keys (and optional field names) instead of exceptions.</summary>
public record Result(IReadOnlyList<Error> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static Result Ok() => new([]);
    public static Result Fail(string code, string? field = null) => new([new Error(code, field)]);
    public static Result Fail(IEnumerable<Error> errors) => new(errors.ToList());
}

public sealed record Result<T>(T? Value, IReadOnlyList<Error> Errors) : Result(Errors)
{
    public static Result<T> Ok(T value) => new(value, []);
    public static new Result<T> Fail(string code, string? field = null) => new(default, [new Error(code, field)]);
    public static new Result<T> Fail(IEnumerable<Error> errors) => new(default, errors.ToList());
}

public sealed record Error(string Code, string? Field = null, params object[] Args);
