namespace Sanoo.Web.PublicApi;

/// <summary>The readable API reference page served at /api (the machine-readable one is /openapi/v1.json).</summary>
public static class ApiReference
{
    /// <summary>The page.</summary>
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ApiReference).Assembly.GetManifestResourceStream("Sanoo.Web.api.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
