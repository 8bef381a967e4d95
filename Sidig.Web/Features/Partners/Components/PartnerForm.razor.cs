using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Partners.Components;

/// <summary>What the partner form starts from: saved details (or a new partner's defaults), the parent and the contacts.</summary>
public sealed record PartnerFormValue(Guid? Id, PartnerDetails Details, PartnerOption? Parent, IReadOnlyList<PartnerContactInput> Contacts);

public sealed partial class PartnerForm
{
    /// <summary>The saved values the form starts from.</summary>
    [Parameter, EditorRequired] public PartnerFormValue Value { get; set; } = default!;

    /// <summary>Saves valid input (the page calls the handler); its errors are shown next to their fields.</summary>
    [Parameter, EditorRequired] public Func<SavePartner, Task<Result>> Submit { get; set; } = default!;

    /// <summary>Partners that may become the parent (the page sends a <see cref="SearchPartners"/> query without this partner's subtree).</summary>
    [Parameter] public Func<string?, CancellationToken, Task<IEnumerable<PartnerOption>>> SearchParents { get; set; } =
        (_, _) => Task.FromResult(Enumerable.Empty<PartnerOption>());

    /// <summary>For users who may see but not change partners.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    private static readonly CultureInfo Idr = CultureInfo.GetCultureInfo("id-ID");

    private MudForm _form = default!;
    private PartnerFormValue? _source;
    private Input _m = new();
    private readonly Dictionary<string, string> _serverErrors = [];
    private string? _general;
    private bool _saving;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_source, Value)) return;
        _source = Value;
        _m = Input.From(Value);
        _serverErrors.Clear();
        _general = null;
    }

    private SavePartner Command => new(Value.Id, _m.ToDetails(), _m.Contacts.Select(c => c.ToInput()).ToList());

    /// <summary>A field's problem: the server's answer to the last save, else the rules on the current input.</summary>
    private Func<T, string?> Rule<T>(string field) => _ => FieldError(field);

    private string? FieldError(string field)
    {
        if (_serverErrors.TryGetValue(field, out var server)) return server;
        var error = SavePartnerValidator.Check(Command, Areas).FirstOrDefault(e => e.Field == field);
        return error is null ? null : S.Message(error);
    }

    /// <summary>The price tier follows the type unless it was changed by hand; only agents earn commission.</summary>
    private void TypeChanged(PartnerType type)
    {
        if (_m.PriceTier == Partner.DefaultTier(_m.Type)) _m.PriceTier = Partner.DefaultTier(type);
        if (type != PartnerType.Agent) _m.CommissionRatePercent = null;
        _m.Type = type;
    }

    private void TerritoryChanged(IReadOnlyCollection<string>? codes) => _m.Territory = (codes ?? []).Where(c => c is not null).ToList();

    private void AddContact() => _m.Contacts.Add(new ContactRow());

    private async Task RemoveContactAsync(ContactRow row)
    {
        var name = string.IsNullOrWhiteSpace(row.Name) ? L["Form.ThisContact"].Value : row.Name.Trim();
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Form.RemoveContact"], L["Form.RemoveContactText", name],
            yesText: L["Form.Remove"], cancelText: S["Common.Cancel"]);
        if (confirmed != true) return;
        _m.Contacts.Remove(row);
        _serverErrors.Clear(); // contact fields are numbered: old answers would point at the wrong rows
    }

    private async Task SaveAsync()
    {
        _serverErrors.Clear();
        _general = null;
        await _form.ValidateAsync();
        var problems = SavePartnerValidator.Check(Command, Areas);
        if (!_form.IsValid || problems.Count > 0) return; // nothing is sent while a field is wrong
        _saving = true;
        try
        {
            var result = await Submit(Command);
            if (result.Succeeded) return;
            foreach (var e in result.Errors)
            {
                if (e.Field is null) _general = S.Message(e);
                else _serverErrors.TryAdd(e.Field, S.Message(e));
            }
            if (_serverErrors.Count > 0) await _form.ValidateAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private sealed class ContactRow
    {
        public Guid? Id { get; init; }
        public string? Name { get; set; }
        public string? Position { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }

        public PartnerContactInput ToInput() => new(Id, Name ?? "", Position, Phone, Email);
    }

    private sealed class Input
    {
        public string? Code { get; set; }
        public string? LegalName { get; set; }
        public PartnerType Type { get; set; }
        public PartnerOption? Parent { get; set; }
        public PriceTier PriceTier { get; set; }
        public string? Npwp { get; set; }
        public string? Nitku { get; set; }
        public string? Address { get; set; }
        public string? ProvinceCode { get; set; }
        public string? RegencyCode { get; set; }
        public string? PostalCode { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? BillingEmail { get; set; }
        public IReadOnlyCollection<string> Territory { get; set; } = [];
        public int PaymentTermDays { get; set; }
        public decimal CreditLimit { get; set; }
        public decimal OverdueLimit { get; set; }
        public decimal? CommissionRatePercent { get; set; }
        public bool IsActive { get; set; } = true;
        public List<ContactRow> Contacts { get; } = [];

        public static Input From(PartnerFormValue v)
        {
            var d = v.Details;
            var input = new Input
            {
                Code = d.Code, LegalName = d.LegalName, Type = d.Type, Parent = v.Parent, PriceTier = d.PriceTier,
                Npwp = d.Npwp is { } n ? Sidig.Domain.Common.Npwp.Format(n) : null, Nitku = d.Nitku,
                Address = d.Address, ProvinceCode = d.ProvinceCode, RegencyCode = d.RegencyCode, PostalCode = d.PostalCode,
                Phone = d.Phone, Email = d.Email, BillingEmail = d.BillingEmail, Territory = d.Territory.ToList(),
                PaymentTermDays = d.PaymentTermDays, CreditLimit = d.CreditLimit, OverdueLimit = d.OverdueLimit,
                CommissionRatePercent = d.CommissionRatePercent, IsActive = d.IsActive,
            };
            input.Contacts.AddRange(v.Contacts.Select(c => new ContactRow { Id = c.Id, Name = c.Name, Position = c.Position, Phone = c.Phone, Email = c.Email }));
            return input;
        }

        public PartnerDetails ToDetails() => new(Code ?? "", LegalName ?? "", Type, Parent?.Id, PriceTier, Npwp, Nitku, Address,
            ProvinceCode, RegencyCode, PostalCode, Phone, Email, BillingEmail, Territory.ToList(), PaymentTermDays,
            CreditLimit, OverdueLimit, Type == PartnerType.Agent ? CommissionRatePercent : null, IsActive);
    }
}
