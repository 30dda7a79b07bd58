using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sanoo.Core.Register;

/// <summary>Source-generated serialization of the JSON trees register records are built from (no reflection).</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class RegisterJson : JsonSerializerContext;
