using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Synthetic;

namespace Sanoo.Cli.Tests;

/// <summary>The files the tests that run <c>sanoo</c> for real feed it: a synthetic election and its protocols, and their receipts.</summary>
internal static class SyntheticFiles
{
    /// <summary>A synthetic election written to <paramref name="folder"/>, with its hand counts as a protocol file.</summary>
    public static (string Definition, Election Election, List<Protocol> Protocols, string Input) HandCounts(
        string folder, int stations, ulong seed)
    {
        var definition = Path.Combine(folder, "election.json");
        using (var file = File.Create(definition))
        {
            SyntheticElection.WriteDefinition(file, stations, seed);
        }
        var election = ((DefinitionResult.Loaded)DefinitionReader.Read(File.ReadAllBytes(definition))).Election;
        var protocols = SyntheticElection.Protocols(election, "hand", seed).ToList();
        var input = Path.Combine(folder, "hand.jsonl");
        File.WriteAllLines(input, protocols.Select(p => System.Text.Encoding.UTF8.GetString(ProtocolWriter.Canonical(election, p))));
        return (definition, election, protocols, input);
    }

    /// <summary>How many lines <paramref name="path"/> holds now (0 when it is not there yet), read while another writes it.</summary>
    public static int Lines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }
        return count;
    }
}
