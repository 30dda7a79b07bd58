using System.Collections.Concurrent;

namespace Sanoo.Web.Images;

/// <summary>
/// How many images each observer or party agent has uploaded lately, in this server's memory: their photos are served only once a
/// report names them, but every upload is kept, so one reporter may upload at most as many as they may file reports
/// (<see cref="Reports.ReportEndpoints.PerMinute"/> a minute, <see cref="Reports.ReportEndpoints.PerDay"/> a day). Commission
/// operators and station devices are not counted here (the per-address write limit holds them).
/// </summary>
public sealed class ReporterUploads
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _uploads = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts an upload by <paramref name="reporter"/> at <paramref name="now"/> and returns zero; or, past either limit, counts
    /// nothing and returns how long until the next upload is taken.
    /// </summary>
    public TimeSpan Take(string reporter, DateTimeOffset now)
    {
        var times = _uploads.GetOrAdd(reporter, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && times.Peek() <= now - TimeSpan.FromDays(1))
            {
                times.Dequeue();
            }
            var wait = TimeSpan.Zero;
            if (times.Count >= Reports.ReportEndpoints.PerDay)
            {
                wait = times.ElementAt(times.Count - Reports.ReportEndpoints.PerDay) + TimeSpan.FromDays(1) - now;
            }
            var lastMinute = times.Where(t => t > now - TimeSpan.FromMinutes(1)).ToList();
            if (lastMinute.Count >= Reports.ReportEndpoints.PerMinute)
            {
                var minute = lastMinute[^Reports.ReportEndpoints.PerMinute] + TimeSpan.FromMinutes(1) - now;
                wait = minute > wait ? minute : wait;
            }
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }
            times.Enqueue(now);
            return TimeSpan.Zero;
        }
    }
}
