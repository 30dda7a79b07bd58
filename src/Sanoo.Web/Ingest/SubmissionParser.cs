using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;
using Sanoo.Core.Protocols;

namespace Sanoo.Web.Ingest;

/// <summary>One submission as sent: the protocol and, for device counts, the signature over its canonical bytes.</summary>
/// <param name="Checked">The protocol read, its shape checked.</param>
/// <param name="Signature">The Ed25519 signature, or null.</param>
/// <param name="Path">Where it is in the request body, for messages.</param>
public sealed record SentSubmission(CheckedProtocol Checked, byte[]? Signature, string Path)
{
    /// <summary>The protocol read.</summary>
    public Protocol Protocol => Checked.Protocol;
}

/// <summary>
/// Reads a write request's body strictly: either one submission <c>{"protocol": {…}, "signature": "…"}</c>
/// or a batch <c>{"submissions": [ … ]}</c>. Every problem in every submission is reported with its JSON path.
/// </summary>
public static class SubmissionParser
{
    /// <summary>The submissions, or every problem found.</summary>
    public static (List<SentSubmission> Submissions, List<JsonProblem> Problems, bool Batch) Parse(Election election, JsonElement root, int maxBatch)
    {
        var problems = new List<JsonProblem>();
        var submissions = new List<SentSubmission>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("submissions", out var list))
        {
            var batch = JsonFields.Of(root, "$", problems, "submissions");
            if (batch is null || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new JsonProblem("$.submissions", "expected an array of submissions"));
                return (submissions, problems, true);
            }
            if (list.GetArrayLength() == 0 || list.GetArrayLength() > maxBatch)
            {
                problems.Add(new JsonProblem("$.submissions", $"must hold 1 to {maxBatch} submissions, found {list.GetArrayLength()}"));
                return (submissions, problems, true);
            }
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                ReadOne(election, item, $"$.submissions[{i++}]", submissions, problems);
            }
            return (submissions, problems, true);
        }
        ReadOne(election, root, "$", submissions, problems);
        return (submissions, problems, false);
    }

    private static void ReadOne(Election election, JsonElement element, string path, List<SentSubmission> into, List<JsonProblem> problems)
    {
        var f = JsonFields.Of(element, path, problems, "protocol", "signature");
        if (f is null)
        {
            return;
        }
        byte[]? signature = null;
        if (f.OptionalString("signature") is { } text)
        {
            try
            {
                signature = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                f.Problem("signature", "is not base64");
            }
        }
        if (f.Raw("protocol") is not { } protocol)
        {
            f.Problem("protocol", "is missing (expected the protocol object)");
            return;
        }
        switch (ProtocolReader.Read(election, protocol))
        {
            case ProtocolReadResult.Ok { Checked.Protocol: { Image: null } p } when election.Sources[election.SourceIndex(p.Source)].ImagesRequired:
                // Checked at the door, not in the protocol's shape: logs written before the definition asked for images still replay.
                problems.Add(new JsonProblem(
                    $"{path}.protocol.image", $"is missing: every {p.Source} protocol names the image of its signed paper protocol"));
                break;
            case ProtocolReadResult.Ok ok:
                into.Add(new SentSubmission(ok.Checked, signature, path));
                break;
            case ProtocolReadResult.Invalid invalid:
                problems.AddRange(invalid.Problems.Select(p => new JsonProblem($"{path}.protocol{p.Path[1..]}", p.Message)));
                break;
        }
    }
}
