using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Coop.Domain.Governance;

/// <summary>
/// The hash chain over a ballot box. Each entry's hash is SHA-256 over its canonical line, which includes the
/// previous entry's hash; the first entry chains from <see cref="Genesis"/> of the vote. Anyone holding the published
/// entries can recompute every hash and the head (the closing digest).
/// </summary>
public static class BallotChain
{
    public static string Genesis(Guid voteId) => Sha256("coop-ballot-box|" + voteId.ToString("D"));

    public static string CanonicalLine(Guid voteId, long sequence, Guid? voterId, Guid? collegeId, string answer, string receipt,
        string? replaces, BallotSource source, string previousHash) =>
        string.Join('|', sequence.ToString(CultureInfo.InvariantCulture), voteId.ToString("D"), voterId?.ToString("D") ?? "-",
            collegeId?.ToString("D") ?? "-", answer, receipt, replaces ?? "-", ((int)source).ToString(CultureInfo.InvariantCulture), previousHash);

    public static string HashOf(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return Sha256(CanonicalLine(ballot.VoteId, ballot.Sequence, ballot.VoterId, ballot.CollegeId, ballot.Answer, ballot.Receipt,
            ballot.Replaces, ballot.Source, ballot.PreviousHash));
    }

    public sealed record Verification(bool Valid, string Head, long? FirstBrokenSequence, int Current);

    /// <summary>
    /// Recomputes the chain in sequence order and which ballots are current (the last per voter, or the ones no
    /// later ballot replaces in a secret vote), independently of the stored flags.
    /// </summary>
    public static Verification Verify(Guid voteId, IReadOnlyList<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        var previous = Genesis(voteId);
        var expectedSequence = 1L;
        foreach (var ballot in ballots.OrderBy(b => b.Sequence))
        {
            if (ballot.VoteId != voteId || ballot.Sequence != expectedSequence || ballot.PreviousHash != previous || HashOf(ballot) != ballot.Hash)
                return new Verification(false, previous, ballot.Sequence, 0);
            previous = ballot.Hash;
            expectedSequence++;
        }
        return new Verification(true, previous, null, CurrentOf(ballots).Count);
    }

    /// <summary>The ballots that count, derived from the chain alone.</summary>
    public static IReadOnlyList<Ballot> CurrentOf(IReadOnlyList<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        var replaced = ballots.Where(b => b.Replaces is not null).Select(b => b.Replaces!).ToHashSet(StringComparer.Ordinal);
        var secret = ballots.Where(b => b.VoterId is null && !replaced.Contains(b.Receipt));
        var named = ballots.Where(b => b.VoterId is not null).GroupBy(b => b.VoterId).Select(g => g.MaxBy(b => b.Sequence)!);
        return secret.Concat(named).OrderBy(b => b.Sequence).ToList();
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Receipt codes: 60 random bits as four groups of Crockford base-32 (no I, L, O, U), e.g. "7KQ3-MZ9P-XW2D".</summary>
public static class Receipts
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[14];
        for (int i = 0, j = 0; i < 12; i++, j++)
        {
            if (j is 4 or 9) chars[j++] = '-';
            chars[j] = Alphabet[bytes[i] & 31];
        }
        return new string(chars);
    }

    /// <summary>Accepts what a person types: any case, spaces or no dashes, O for 0 and I/L for 1.</summary>
    public static string Normalise(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var clean = new string(typed.ToUpperInvariant().Where(char.IsLetterOrDigit).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());
        return clean.Length == 12 ? $"{clean[..4]}-{clean[4..8]}-{clean[8..]}" : typed.Trim().ToUpperInvariant();
    }
}
