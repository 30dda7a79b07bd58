using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Web.Tests;

/// <summary>
/// <c>sanoo serve --https-cert FILE.pem --https-key KEY.pem</c>: Kestrel answers HTTPS on 127.0.0.1 with that certificate (a
/// self-signed one made here), and HSTS is sent over HTTPS only.
/// </summary>
public sealed class HttpsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-https-").FullName;

    /// <summary>A self-signed certificate for 127.0.0.1, written as PEM certificate and key files.</summary>
    private (X509Certificate2 Certificate, string CertFile, string KeyFile) MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=sanoo-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certFile = Path.Combine(_folder, "cert.pem");
        var keyFile = Path.Combine(_folder, "key.pem");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificate, certFile, keyFile);
    }

    [Fact]
    public async Task The_server_answers_https_with_the_certificate_given_and_sends_hsts_over_https_only()
    {
        var (certificate, certFile, keyFile) = MakeCertificate();
        using var _ = certificate;
        var store = await StoreAddress.OpenAsync("sqlite:" + Path.Combine(_folder, "sanoo.db"));
        var log = await ElectionLog.OpenAsync(store, ServerFixture.Sample.DefinitionJson);
        var app = SanooServer.Create(log, new ServerOptions
        {
            Urls = "https://127.0.0.1:0;http://127.0.0.1:0",
            HttpsCertificateFile = certFile,
            HttpsKeyFile = keyFile,
        });
        try
        {
            await SanooServer.StartAsync(app);
            string? seen = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                {
                    seen = presented?.Thumbprint;
                    return presented?.Thumbprint == certificate.Thumbprint;
                },
            };
            using var https = new HttpClient(handler);
            var secure = app.Urls.Single(u => u.StartsWith("https://127.0.0.1:", StringComparison.Ordinal));
            using var answer = await https.GetAsync(secure + "/api/v1/status");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(certificate.Thumbprint, seen);
            Assert.Equal("max-age=31536000", string.Join(",", answer.Headers.GetValues("Strict-Transport-Security")));

            using var plain = new HttpClient();
            using var insecure = await plain.GetAsync(app.Urls.Single(u => u.StartsWith("http://", StringComparison.Ordinal)) + "/api/v1/status");
            Assert.Equal(HttpStatusCode.OK, insecure.StatusCode);
            Assert.False(insecure.Headers.Contains("Strict-Transport-Security"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await log.DisposeAsync();
            await store.DisposeAsync();
        }
    }

    [Fact]
    public void An_https_address_without_a_certificate_and_a_key_without_a_certificate_are_refused_at_start()
    {
        var problems = new ServerOptions { Urls = "https://127.0.0.1:0", HttpsKeyFile = Path.Combine(_folder, "missing.pem") }.Validate().ToList();
        Assert.Contains(problems, p => p.Contains("--https-cert", StringComparison.Ordinal) && p.Contains("https address", StringComparison.Ordinal));
        Assert.Contains("--https-key needs --https-cert", problems);
        Assert.Contains(problems, p => p.Contains("missing.pem", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
