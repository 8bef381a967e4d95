namespace Sidig.Web.Public;

/// <summary>The files of a public form's post, as sent (the public form guard has already capped the post's size).</summary>
public static class Uploads
{
    public static async Task<List<byte[]>> ReadAsync(HttpContext? http, string field)
    {
        var files = new List<byte[]>();
        if (http?.Request.HasFormContentType != true) return files;
        foreach (var file in http.Request.Form.Files.GetFiles(field).Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await using var stream = file.OpenReadStream();
            await stream.CopyToAsync(buffer);
            files.Add(buffer.ToArray());
        }
        return files;
    }
}
