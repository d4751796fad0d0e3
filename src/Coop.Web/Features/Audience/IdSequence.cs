namespace Coop.Web.Features.Audience;

/// <summary>
/// UUIDv7 ids for one batch, in increasing order: the batch's millisecond, then a 42-bit counter (RFC 9562 §6.2,
/// method 1), then random bits. <see cref="Guid.CreateVersion7(DateTimeOffset)"/> fills the bits after the
/// millisecond at random, so a batch's ids landed anywhere in each index; in order, every insert goes to the index's
/// right edge, which made the import's inserts markedly cheaper.
/// </summary>
public sealed class IdSequence(DateTimeOffset at)
{
    private readonly byte[] _first = Guid.CreateVersion7(at).ToByteArray(bigEndian: true);
    private long _next;

    public Guid Next()
    {
        var n = _next++;
        Span<byte> bytes = stackalloc byte[16];
        _first.CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (int)((n >> 38) & 0x0F)); // version 7, then the counter's top 4 bits
        bytes[7] = (byte)(n >> 30);
        bytes[8] = (byte)(0x80 | (int)((n >> 24) & 0x3F)); // RFC 9562 variant, then 6 more bits
        bytes[9] = (byte)(n >> 16);
        bytes[10] = (byte)(n >> 8);
        bytes[11] = (byte)n;
        return new Guid(bytes, bigEndian: true);
    }
}
