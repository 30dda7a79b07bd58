namespace Sanoo.Storage;

/// <summary>
/// The store cannot do what was asked, for a reason the operator must act on: the database is
/// damaged, of a newer schema, holds another election, or cannot be reached. The message says
/// what happened and what to do.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }
}
