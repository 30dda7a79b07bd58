using System.Text;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;

namespace Sanoo.Testing;

/// <summary>A small, complete definition file as JSON, and helpers to break it on purpose.</summary>
public static class DefinitionJson
{
    public const string Small = """
    {
      "format": "sanoo-election/1",
      "id": "tiny-2025",
      "name": {"en": "Tiny election", "ru": "Маленькие выборы"},
      "date": "2025-03-02",
      "languages": ["en", "ru"],
      "sources": [
        {"id": "machine", "name": {"en": "Machine count"}, "official": false},
        {"id": "hand", "name": {"en": "Hand count"}, "official": true}
      ],
      "forms": [{
        "id": "main",
        "lines": [
          {"id": "registered", "name": {"en": "Voters on the main list"}},
          {"id": "additional", "name": {"en": "Voters on additional lists"}},
          {"id": "issued", "name": {"en": "Ballots issued"}},
          {"id": "in_boxes", "name": {"en": "Ballots found in boxes"}},
          {"id": "valid", "name": {"en": "Valid ballots"}},
          {"id": "invalid", "name": {"en": "Invalid ballots"}}
        ],
        "relations": [
          {"id": "boxes", "rule": "in_boxes = valid + invalid", "severity": "error"},
          {"id": "votes", "rule": "valid = votes(*)", "severity": "error"},
          {"id": "issued", "rule": "issued <= registered + additional", "severity": "error"},
          {"id": "found", "rule": "in_boxes <= issued", "severity": "error"}
        ],
        "participation": "valid + invalid"
      }],
      "choices": [
        {"id": "red", "kind": "party", "ballotNumber": 1, "name": {"en": "Red Party"}},
        {"id": "blue", "kind": "party", "ballotNumber": 2, "name": {"en": "Blue Party"}},
        {"id": "against-all", "kind": "against-all", "name": {"en": "Against all"}},
        {"id": "ann", "kind": "candidate", "party": "red", "name": {"en": "Ann"}},
        {"id": "bob", "kind": "candidate", "name": {"en": "Bob"}}
      ],
      "contests": [
        {"id": "list", "kind": "party-list", "name": {"en": "Party list"}, "area": "land", "form": "main",
         "choices": ["red", "blue", "against-all"], "seats": 5,
         "seatRules": {"method": "hare", "threshold": {"percent": 5, "base": "participation"}}},
        {"id": "east-seat", "kind": "single-member", "name": {"en": "East"}, "area": "east-1", "form": "main",
         "choices": ["ann", "bob", "against-all"], "againstAllBlocks": true}
      ],
      "areas": [
        {"id": "land", "kind": "nation", "name": {"en": "Land"}},
        {"id": "east", "kind": "region", "parent": "land", "name": {"en": "East"}},
        {"id": "east-1", "kind": "district", "parent": "east", "name": {"en": "East 1"}},
        {"id": "s1", "kind": "station", "parent": "east-1", "registered": 1000},
        {"id": "s2", "kind": "station", "parent": "east-1", "registered": 800, "additional": 12},
        {"id": "abroad", "kind": "region", "parent": "land", "name": {"en": "Abroad"}},
        {"id": "s3", "kind": "station", "parent": "abroad", "registered": 300, "name": {"en": "Embassy"}}
      ]
    }
    """;

    /// <summary>The small definition after a change made to its JSON tree.</summary>
    public static byte[] With(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Small)!.AsObject();
        change(root);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>
    /// <paramref name="json"/> with one more count source: <paramref name="party"/>'s copy of the protocols, named <paramref name="name"/>
    /// in English (and in Russian and Kyrgyz after it).
    /// </summary>
    public static byte[] WithPartyCopy(byte[] json, string party, string source, string name)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["sources"]!.AsArray().Add(new JsonObject
        {
            ["id"] = source,
            ["name"] = new JsonObject { ["en"] = name, ["ru"] = $"{name} (ru)", ["ky"] = $"{name} (ky)" },
            ["partyCopy"] = party,
        });
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static DefinitionResult Load(byte[] json) => DefinitionReader.Read(json);

    public static Election LoadSmall() => DefinitionReader.Read(Encoding.UTF8.GetBytes(Small)) is DefinitionResult.Loaded loaded
        ? loaded.Election
        : throw new InvalidOperationException("the small definition does not load");
}
