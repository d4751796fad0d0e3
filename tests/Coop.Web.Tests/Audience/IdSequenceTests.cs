using Coop.Web.Features.Audience;

namespace Coop.Web.Tests.Audience;

/// <summary>The import's ids: valid UUIDv7 of the batch's millisecond, strictly increasing as PostgreSQL orders uuids.</summary>
public sealed class IdSequenceTests
{
    [Test]
    public void A_batch_gets_distinct_increasing_version_7_ids_of_its_millisecond()
    {
        var at = new DateTimeOffset(2026, 11, 22, 3, 20, 0, 123, TimeSpan.Zero);
        var sequence = new IdSequence(at);
        var ids = Enumerable.Range(0, 100_000).Select(_ => sequence.Next()).ToList();

        // PostgreSQL compares uuids byte by byte, which is the order of their lowercase text.
        var text = ids.Select(id => id.ToString()).ToList();
        for (var i = 1; i < text.Count; i++)
            Assert.That(string.CompareOrdinal(text[i - 1], text[i]), Is.LessThan(0), $"id {i} after id {i - 1}");
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
        Assert.That(ids.All(id => id.Version == 7 && (id.Variant & 0xC) == 0x8), Is.True, "version 7, RFC 9562 variant");
        var milliseconds = Convert.ToInt64(text[^1].Replace("-", "", StringComparison.Ordinal)[..12], 16);
        Assert.That(milliseconds, Is.EqualTo(at.ToUnixTimeMilliseconds()), "the batch's millisecond");
    }

    [Test]
    public void Two_batches_of_the_same_millisecond_do_not_collide()
    {
        var at = DateTimeOffset.UtcNow;
        var first = new IdSequence(at);
        var second = new IdSequence(at);
        var a = Enumerable.Range(0, 1_000).Select(_ => first.Next()).ToHashSet();
        Assert.That(Enumerable.Range(0, 1_000).Select(_ => second.Next()).Any(a.Contains), Is.False);
    }
}
