using System.Security.Cryptography.X509Certificates;

namespace Sanoo.Web.Operations;

/// <summary>Reads the server's TLS certificate from the files <see cref="ServerOptions"/> names.</summary>
public static class HttpsCertificate
{
    /// <summary>
    /// The certificate with its private key: from a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>; password in <c>SANOO_HTTPS_PASSWORD</c>),
    /// or from PEM, the key in <paramref name="keyFile"/> or in the certificate's file.
    /// </summary>
    public static X509Certificate2 Load(string certificateFile, string? keyFile)
    {
        var extension = Path.GetExtension(certificateFile).ToLowerInvariant();
        var certificate = extension is ".pfx" or ".p12"
            ? X509CertificateLoader.LoadPkcs12FromFile(certificateFile, Environment.GetEnvironmentVariable("SANOO_HTTPS_PASSWORD"))
            : X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new System.Security.Cryptography.CryptographicException(
                $"{certificateFile} holds no private key for the certificate: give it with --https-key");
        }
        return certificate;
    }
}
