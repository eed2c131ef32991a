namespace OfficerTraining.Infrastructure;

/// <summary>
/// A value loaded at most once per <see cref="Lifetime"/> and shared by every caller (concurrent callers share one load;
/// a failed or cancelled load is not kept). The load is not tied to any caller's token: a caller that gives up only
/// stops waiting.
/// </summary>
public sealed class SharedLoad<T>(Func<Task<T>> load, TimeSpan lifetime, TimeProvider clock)
{
    readonly Lock _sync = new();
    (Task<T> Load, DateTimeOffset StartedAt)? _cached;

    public TimeSpan Lifetime => lifetime;

    public Task<T> Current(CancellationToken ct = default)
    {
        Task<T> task;
        lock (_sync)
        {
            var now = clock.GetUtcNow();
            if (_cached is not { } c || now - c.StartedAt >= lifetime || c.Load.IsFaulted || c.Load.IsCanceled)
                _cached = c = (load(), now);
            task = c.Load;
        }
        return task.WaitAsync(ct);
    }

    /// <summary>Forgets the value, so the next call loads again.</summary>
    public void Invalidate()
    {
        lock (_sync) _cached = null;
    }
}
