using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;
/// <summary>Creates a category (<see cref="Id"/> null) or renames and moves one. The code is fixed once created.</summary>
public sealed record SaveCategory(Guid? Id, string Code, string Name, Guid? ParentId);

public static class SaveCategoryValidator
{
    public const int NameMaxLength = 100;

    public static IReadOnlyList<Error> Check(SaveCategory command)
    {
        var errors = new List<Error>();
        if (command.Id is null && Codes.Check(command.Code, "Category.CodeRequired").Error is { } code) errors.Add(new(code, nameof(SaveCategory.Code)));
        if (string.IsNullOrWhiteSpace(command.Name)) errors.Add(new("Category.NameRequired", nameof(SaveCategory.Name)));
        else if (command.Name.Trim().Length > NameMaxLength) errors.Add(new("Validation.TooLong", nameof(SaveCategory.Name)));
        if (command.Id is { } id && command.ParentId == id) errors.Add(new("Category.Cycle", nameof(SaveCategory.ParentId)));
        return errors;
    }
}

public sealed class SaveCategoryHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<Guid>> HandleAsync(SaveCategory command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result<Guid>.Fail("Access.Denied");
        var errors = SaveCategoryValidator.Check(command);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var parentOf = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        if (command.ParentId is { } parent && !parentOf.ContainsKey(parent)) return Result<Guid>.Fail("Category.ParentNotFound", nameof(SaveCategory.ParentId));
        try
        {
            Category category;
            if (command.Id is { } id)
            {
                var found = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
                if (found is null) return Result<Guid>.Fail("Category.NotFound");
                category = found;
                category.Rename(command.Name);
                var ancestors = command.ParentId is { } p ? CategoryTree.Ancestors(p, parentOf).Append(p) : [];
                category.MoveTo(command.ParentId, ancestors);
            }
            else
            {
                var code = Codes.Required(command.Code, "Category.CodeRequired");
                if (await db.Categories.AnyAsync(c => c.Code == code, ct)) return Result<Guid>.Fail("Category.CodeTaken", nameof(SaveCategory.Code));
                category = Category.Create(code, command.Name, command.ParentId);
                db.Categories.Add(category);
            }
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Ok(category.Id);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, e.Code == "Category.Cycle" ? nameof(SaveCategory.ParentId) : null);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Result<Guid>.Fail("Category.CodeTaken", nameof(SaveCategory.Code)); // created at the same moment by someone else
        }
    }
}
