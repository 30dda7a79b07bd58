using Sanoo.Core.Definitions;
using Sanoo.Core.Json;

namespace Sanoo.Cli.Input;

/// <summary>Reads the files commands take, turning every failure into a clear message.</summary>
public static class InputFiles
{
    /// <summary>Loads a definition file: the election, or the problems (file errors included).</summary>
    public static DefinitionResult LoadDefinition(FileInfo file)
    {
        if (!file.Exists)
        {
            return new DefinitionResult.Invalid([new JsonProblem(file.FullName, "the file does not exist")]);
        }
        try
        {
            return DefinitionReader.Read(File.ReadAllBytes(file.FullName));
        }
        catch (IOException e)
        {
            return new DefinitionResult.Invalid([new JsonProblem(file.FullName, $"cannot be read: {e.Message}")]);
        }
        catch (UnauthorizedAccessException e)
        {
            return new DefinitionResult.Invalid([new JsonProblem(file.FullName, $"cannot be read: {e.Message}")]);
        }
    }
}
