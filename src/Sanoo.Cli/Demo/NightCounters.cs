namespace Sanoo.Cli.Demo;

/// <summary>What the night's senders were told by the server, counted as the answers come in. Thread-safe.</summary>
public sealed class NightCounters
{
    private int _sent;
    private int _accepted;
    private int _duplicates;
    private int _rejected;
    private int _notCounted;
    private int _refused;
    private int _retries;
    private int _entries;
    private int _mismatches;
    private int _scans;
    private int _turnout;
    private long _scanTicks;

    /// <summary>Turnout reports recorded during voting day.</summary>
    public int TurnoutReports => _turnout;

    /// <summary>Counts one turnout report recorded.</summary>
    public void Turnout() => Interlocked.Increment(ref _turnout);

    /// <summary>Submissions answered.</summary>
    public int Sent => _sent;

    /// <summary>Protocol versions counted (first versions and corrections).</summary>
    public int Accepted => _accepted;

    /// <summary>Retries of a protocol already stored: the original receipt, counted once.</summary>
    public int Duplicates => _duplicates;

    /// <summary>Protocols that broke a control relation: stored, never counted.</summary>
    public int Rejected => _rejected;

    /// <summary>Conflicting or stale versions: stored, not counted.</summary>
    public int NotCounted => _notCounted;

    /// <summary>Requests the server refused (a wrong key, no permission): nothing stored.</summary>
    public int Refused => _refused;

    /// <summary>Sends repeated after a network error, 429 or 503.</summary>
    public int Retries => _retries;

    /// <summary>Hand-count entries typed by operators.</summary>
    public int Entries => _entries;

    /// <summary>Entries that disagreed with another operator's and went to the supervisor.</summary>
    public int Mismatches => _mismatches;

    /// <summary>Counts one operator's entry by what became of it.</summary>
    public void Entry(string status)
    {
        Interlocked.Increment(ref _entries);
        if (status == "mismatch")
        {
            Interlocked.Increment(ref _mismatches);
        }
    }

    /// <summary>Counts one receipt by its outcome.</summary>
    public void Receipt(string outcome)
    {
        Interlocked.Increment(ref _sent);
        switch (outcome)
        {
            case "accepted":
                Interlocked.Increment(ref _accepted);
                break;
            case "duplicate":
                Interlocked.Increment(ref _duplicates);
                break;
            case "rejected":
                Interlocked.Increment(ref _rejected);
                break;
            default:
                Interlocked.Increment(ref _notCounted);
                break;
        }
    }

    /// <summary>Counts a refused request.</summary>
    public void Refusal()
    {
        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _refused);
    }

    /// <summary>Scans of paper protocols drawn and attached to machine and hand counts.</summary>
    public int Scans => _scans;

    /// <summary>The time spent drawing scans, all together (the demo reports it: drawing must stay cheap).</summary>
    public TimeSpan ScanTime => TimeSpan.FromTicks(Interlocked.Read(ref _scanTicks));

    /// <summary>Counts one scan drawn and how long it took.</summary>
    public void Scan(TimeSpan took)
    {
        Interlocked.Increment(ref _scans);
        Interlocked.Add(ref _scanTicks, took.Ticks);
    }

    /// <summary>Counts a send repeated.</summary>
    public void Retry() => Interlocked.Increment(ref _retries);
}
