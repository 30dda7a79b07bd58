using System.Security.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo operators add --role observer|party-agent</c>: accredits someone to file reports on the stations of one area of the map
/// (any level) or of the whole election. The enrolment is an operator record of the register with that role (and a party agent's
/// party), so the verifier knows who could report where and when; the token is printed once and only its hash is stored.
/// </summary>
internal static class ReporterEnrolment
{
    /// <summary>The observer role's word.</summary>
    public const string Observer = "observer";

    /// <summary>The party agent role's word.</summary>
    public const string PartyAgent = "party-agent";

    /// <summary>Whether <paramref name="role"/> is a reporter's role.</summary>
    public static bool Is(string role) => role is Observer or PartyAgent;

    /// <summary>Enrols the observer or party agent and prints their token.</summary>
    public static async Task<int> AddAsync(
        IAnsiConsole console, string db, string name, string role, string? area, string? party, CancellationToken cancellationToken)
    {
        if ((role == PartyAgent) != (party is not null))
        {
            console.MarkupLine(role == PartyAgent
                ? "[red]A party agent needs --party CHOICE (their party's choice id).[/]"
                : "[red]An observer belongs to no party: leave out --party (a party's representative is enrolled as --role party-agent).[/]");
            return SanooCli.BadInput;
        }
        if (OperatorName.Problem(name) is { } badName)
        {
            console.MarkupLineInterpolated($"[red]--name: {badName}[/]");
            return SanooCli.BadInput;
        }
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            if (await store.ReadDefinitionAsync(cancellationToken) is not { } stored)
            {
                console.MarkupLineInterpolated($"[red]{store.Description} holds no election yet: ingest or serve with --definition first.[/]");
                return SanooCli.BadInput;
            }
            var election = ((DefinitionResult.Loaded)DefinitionReader.Read(stored.Definition)).Election;
            AreaId? accredited = null;
            if (area is not null)
            {
                if (!AreaId.TryParse(area, out var areaId) || election.Area(areaId) is null)
                {
                    console.MarkupLineInterpolated($"[red]--area: '{area}' is not an area of election {election.Id}.[/]");
                    return SanooCli.BadInput;
                }
                accredited = areaId;
            }
            if (party is not null && !(ChoiceId.TryParse(party, out var choice) && election.Choices.TryGetValue(choice, out var chosen)
                && chosen.Kind == ChoiceKind.Party))
            {
                console.MarkupLineInterpolated($"[red]--party: '{party}' is not a party of election {election.Id}.[/]");
                return SanooCli.BadInput;
            }
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var tokenHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
            var kind = role == PartyAgent ? OperatorRole.PartyAgent : OperatorRole.Observer;
            await store.AddOperatorAsync(new Operator(name, kind, accredited, tokenHash, party), cancellationToken);
            var of = party is null ? "" : $" of {party}";
            var where = area ?? "the whole election";
            console.MarkupLineInterpolated(
                $"Accredited {role} {name}{of} for {where}. Their token, shown this once (send it as 'Authorization: Bearer TOKEN'):");
            console.WriteLine(token);
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
    }
}
