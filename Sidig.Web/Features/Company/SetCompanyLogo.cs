using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Company;

/// <summary>Replaces the company logo. The bytes decide what the file is (PNG, JPEG or WebP), at most 1 MB.</summary>
public sealed record SetCompanyLogo(byte[] Content)
{
    /// <summary>
    /// Reads at most 1 MB + 1 byte of an upload: enough for the domain to tell "too large" apart, never more
    /// whatever the client claims the file's size is.
    /// </summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken ct = default)
    {
        var buffer = new byte[ImageContent.MaxLogoBytes + 1];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), ct);
            if (read == 0) break;
            total += read;
        }
        return buffer[..total];
    }
}

public sealed class SetCompanyLogoHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(SetCompanyLogo command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCompany)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var profile = await db.CompanyProfiles.FirstOrDefaultAsync(ct);
        if (profile is null) return Result.Fail("Company.ProfileRequired");
        try
        {
            profile.SetLogo(command.Content ?? []);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
