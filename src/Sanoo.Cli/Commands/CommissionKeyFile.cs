using Sanoo.Web.Publishing;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>The commission's signing key from its key file (<c>sanoo keys new --commission</c>), or a key for this run only.</summary>
public static class CommissionKeyFile
{
    /// <summary>The key in <paramref name="file"/>; without a file, an ephemeral key and a warning that observers cannot pin it.</summary>
    public static async Task<CommissionKey> LoadAsync(IAnsiConsole console, FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            console.MarkupLine(
                "[yellow]No --signing-key: tree heads are signed with a key made for this run only; observers cannot pin it across restarts.[/]");
            return CommissionKey.Ephemeral();
        }
        var key = System.Text.Json.JsonSerializer.Deserialize<DeviceKeyFile>(await File.ReadAllTextAsync(file.FullName, cancellationToken))!;
        return CommissionKey.Import(Convert.FromBase64String(key.PrivateKey));
    }
}
