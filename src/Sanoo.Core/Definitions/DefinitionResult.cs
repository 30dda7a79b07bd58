using System.Collections.Immutable;
using Sanoo.Core.Json;

namespace Sanoo.Core.Definitions;

/// <summary>The outcome of loading an election definition: the election, or every problem found.</summary>
public abstract record DefinitionResult
{
    private DefinitionResult()
    {
    }

    /// <summary>The definition is sound.</summary>
    public sealed record Loaded(Election Election) : DefinitionResult;

    /// <summary>The definition has problems, each with its JSON path; nothing was loaded.</summary>
    public sealed record Invalid(ImmutableArray<JsonProblem> Problems) : DefinitionResult;
}
