using Coop.Domain.Membership;
using Microsoft.Extensions.Caching.Memory;

namespace Coop.Data.Membership;

/// <summary>
/// The signed-in person's membership row per cooperative, kept between requests so that the role check every
/// cooperative page makes does not cost a round trip. It is used only while it is <see cref="IsLive"/>: while
/// <see cref="MemberChangeListener"/> listens to PostgreSQL's notifications of every change to <c>members</c>
/// (a trigger sends them, whoever writes). Changes saved through EF in this process are evicted as soon as they are
/// saved (<see cref="MemberCacheInvalidator"/>), so a revoked role takes effect on the next request; changes from
/// elsewhere take effect when PostgreSQL delivers the notification.
/// </summary>
public sealed class MemberCache : IDisposable
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };

    // Bounded: one entry per person and cooperative in use; the least used go first when full.
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private TaskCompletionSource _live = NewSignal();
    private long _generation;
    private volatile bool _isLive;

    /// <summary>True while changes to memberships are being listened to; otherwise every request reads the database.</summary>
    public bool IsLive => _isLive;

    /// <summary>Raised after a membership was evicted (tests wait on it rather than on time).</summary>
    public event Action<Guid, Guid>? Evicted;

    /// <summary>The eviction count so far: read it before a database read, hand it back to <see cref="Put"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>A copy of the cached membership (null: known not to be a member); false when not cached or not live.</summary>
    public bool TryGet(Guid tenantId, Guid userId, out Member? member)
    {
        member = null;
        if (!_isLive || !_entries.TryGetValue(new Key(tenantId, userId), out Entry? entry) || entry is null) return false;
        member = entry.Member?.Copy();
        return true;
    }

    /// <summary>
    /// Keeps what a read found, unless anything was evicted since <paramref name="generationBefore"/>: that read may
    /// have raced with a change, and a stale role must never stay.
    /// </summary>
    public void Put(Guid tenantId, Guid userId, Member? member, long generationBefore)
    {
        if (!_isLive) return;
        var key = new Key(tenantId, userId);
        _entries.Set(key, new Entry(member?.Copy()), EntryOptions);
        if (Generation != generationBefore) _entries.Remove(key);
    }

    public void Evict(Guid tenantId, Guid userId)
    {
        Interlocked.Increment(ref _generation);
        _entries.Remove(new Key(tenantId, userId));
        Evicted?.Invoke(tenantId, userId);
    }

    /// <summary>Completes once the cache is in use (tests).</summary>
    public Task WhenLive => Volatile.Read(ref _live).Task;

    /// <summary>Listening again: anything kept before may have missed a change.</summary>
    internal void GoLive()
    {
        Clear();
        _isLive = true;
        Volatile.Read(ref _live).TrySetResult();
    }

    /// <summary>Not listening: forget everything and read the database until listening again.</summary>
    internal void GoDark()
    {
        _isLive = false;
        Clear();
        if (_live.Task.IsCompleted) Volatile.Write(ref _live, NewSignal());
    }

    private void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    public void Dispose() => _entries.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct Key(Guid TenantId, Guid UserId);

    private sealed record Entry(Member? Member);
}
