using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;

namespace Sidig.Web.Features.Partners;

/// <summary>A contact person of a partner as typed in the form; <see cref="Id"/> null = a new contact.</summary>
public sealed record PartnerContactInput(Guid? Id, string Name, string? Position, string? Phone, string? Email);

/// <summary>
/// Creates (<see cref="Id"/> null) or edits a partner together with its contacts, all or nothing: contacts missing
/// from <see cref="Contacts"/> are removed.
/// </summary>
public sealed record SavePartner(Guid? Id, PartnerDetails Details, IReadOnlyList<PartnerContactInput> Contacts);

/// <summary>Input shape of a partner and its contacts; used by the partner form and again by the handler.</summary>
public static class SavePartnerValidator
{
    public const int MaxContacts = 20;
    public const int ContactTextMaxLength = 100;
    public const string ContactsField = "Contacts";

    /// <summary>The field of a contact's input, e.g. "Contacts[2].Email".</summary>
    public static string ContactField(int index, string field) => $"{ContactsField}[{index}].{field}";

    public static IReadOnlyList<Error> Check(SavePartner command, IAreaCodes areas)
    {
        var errors = Partner.Check(command.Details, areas).ToList();
        if (command.Contacts.Count > MaxContacts) errors.Add(new Error("Partner.TooManyContacts", ContactsField));
        for (var i = 0; i < command.Contacts.Count; i++)
        {
            var c = command.Contacts[i];
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new Error("Contact.NameRequired", ContactField(i, nameof(c.Name))));
            else if (c.Name.Trim().Length > ContactTextMaxLength) errors.Add(new Error("Validation.TooLong", ContactField(i, nameof(c.Name))));
            if (c.Position?.Trim().Length > ContactTextMaxLength) errors.Add(new Error("Validation.TooLong", ContactField(i, nameof(c.Position))));
            if (ContactRules.Phone(c.Phone).Error is { } phone) errors.Add(new Error(phone, ContactField(i, nameof(c.Phone))));
            if (ContactRules.Email(c.Email).Error is { } email) errors.Add(new Error(email, ContactField(i, nameof(c.Email))));
        }
        return errors;
    }
}

public sealed class SavePartnerHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, IndonesianAreas areas)
{
    public async Task<Result<Guid>> HandleAsync(SavePartner command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManagePartners)) return Result<Guid>.Fail("Access.Denied");
        var errors = SavePartnerValidator.Check(command, areas);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);
        var details = command.Details;
        var code = Codes.Required(details.Code, "Partner.CodeRequired");

        await using var db = await factory.CreateDbContextAsync(ct);
        Partner? partner = null;
        if (command.Id is { } id)
        {
            partner = await db.Partners.Include(p => p.Contacts).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (partner is null) return Result<Guid>.Fail("Partner.NotFound"); // also another tenant's partner
        }
        if (await CodeTakenAsync(db, code, command.Id, ct)) return Result<Guid>.Fail("Partner.CodeTaken", nameof(PartnerDetails.Code));

        // The whole tree is small (one row of two ids per partner): the domain checks the new parent's ancestors.
        IReadOnlyList<Guid> ancestors = [];
        if (details.ParentId is { } parentId)
        {
            var parentOf = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId, ct);
            if (!parentOf.ContainsKey(parentId)) return Result<Guid>.Fail("Partner.ParentNotFound", nameof(PartnerDetails.ParentId));
            ancestors = PartnerTree.Ancestors(parentId, parentOf);
        }
        try
        {
            if (partner is null)
            {
                partner = Partner.Create(details, areas, ancestors);
                db.Partners.Add(partner);
            }
            else partner.Update(details, areas, ancestors);
            var contactsResult = ApplyContacts(db, partner, command.Contacts);
            if (!contactsResult.Succeeded) return Result<Guid>.Fail(contactsResult.Errors);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, e.Code == "Partner.Cycle" ? nameof(PartnerDetails.ParentId) : null);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves with the same new code at the same moment: the unique index refuses the second one.
            await using var check = await factory.CreateDbContextAsync(ct);
            if (await CodeTakenAsync(check, code, partner.Id, ct)) return Result<Guid>.Fail("Partner.CodeTaken", nameof(PartnerDetails.Code));
            throw;
        }
        return Result<Guid>.Ok(partner.Id);
    }

    private static Task<bool> CodeTakenAsync(SidigDbContext db, string code, Guid? except, CancellationToken ct) =>
        db.Partners.AnyAsync(p => p.Code == code && (except == null || p.Id != except), ct);

    private static Result ApplyContacts(SidigDbContext db, Partner partner, IReadOnlyList<PartnerContactInput> inputs)
    {
        var kept = inputs.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        foreach (var removed in partner.Contacts.Where(c => !kept.Contains(c.Id)).Select(c => c.Id).ToList())
            partner.RemoveContact(removed);
        foreach (var input in inputs)
        {
            if (input.Id is { } contactId)
            {
                var existing = partner.Contacts.FirstOrDefault(c => c.Id == contactId);
                if (existing is null) return Result.Fail("Contact.NotFound");
                existing.Update(input.Name, input.Position, input.Phone, input.Email);
            }
            else
            {
                var added = partner.AddContact(input.Name, input.Position, input.Phone, input.Email);
                // Ids are set by the domain, so EF would take a contact found through the navigation for an
                // existing row; mark it as new explicitly.
                db.PartnerContacts.Add(added);
            }
        }
        return Result.Ok();
    }
}
