using System.Globalization;
using System.Text.Json;
using Coop.Domain.Governance;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class StatutoryRuleConfiguration : IEntityTypeConfiguration<StatutoryRule>
{
    public void Configure(EntityTypeBuilder<StatutoryRule> builder)
    {
        builder.ToTable("statutory_rules");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.DecisionType).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Convocation).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.MajorityBase).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Weighting).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.ProxyCap).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.BlankProxy).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(r => new { r.TenantId, r.DecisionType, r.Convocation }).IsUnique();
    }
}

internal sealed class AssemblyConfiguration : IEntityTypeConfiguration<Assembly>
{
    public void Configure(EntityTypeBuilder<Assembly> builder)
    {
        builder.ToTable("assemblies");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Convocation).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Place).HasMaxLength(300);
        builder.Property(a => a.OnlineLink).HasMaxLength(500);
        builder.Property(a => a.Documents).HasMaxLength(4000);
        // Convening, opening, closing or signing twice at once: the second save loses on these tokens.
        builder.Property(a => a.Status).IsConcurrencyToken();
        builder.Property(a => a.ChairSignedAt).IsConcurrencyToken();
        builder.Property(a => a.SecretarySignedAt).IsConcurrencyToken();
        builder.Ignore(a => a.MinutesSigned);
        builder.HasIndex(a => new { a.TenantId, a.ScheduledAt });
    }
}

internal sealed class AssemblyAttendeeConfiguration : IEntityTypeConfiguration<AssemblyAttendee>
{
    public void Configure(EntityTypeBuilder<AssemblyAttendee> builder)
    {
        builder.ToTable("assembly_attendees");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Attendance).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.ProxiesHeld).IsConcurrencyToken();
        builder.HasIndex(a => new { a.TenantId, a.AssemblyId, a.MemberId }).IsUnique();
        builder.HasOne<Assembly>().WithMany().HasForeignKey(a => new { a.TenantId, a.AssemblyId }).HasPrincipalKey(a => new { a.TenantId, a.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => new { a.TenantId, a.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProxyGrantConfiguration : IEntityTypeConfiguration<ProxyGrant>
{
    public void Configure(EntityTypeBuilder<ProxyGrant> builder)
    {
        builder.ToTable("proxy_grants");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.Active);
        // One active proxy per giver and assembly, even when two are given at once.
        builder.HasIndex(p => new { p.TenantId, p.AssemblyId, p.GiverId }).IsUnique().HasFilter("revoked_at IS NULL");
        builder.HasIndex(p => new { p.TenantId, p.AssemblyId, p.HolderId });
        builder.HasOne<Assembly>().WithMany().HasForeignKey(p => new { p.TenantId, p.AssemblyId }).HasPrincipalKey(a => new { a.TenantId, a.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("votes");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.Body).HasMaxLength(20_000);
        builder.Property(v => v.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.DecisionType).HasConversion<string>().HasMaxLength(24);
        builder.Property(v => v.Convocation).HasConversion<string>().HasMaxLength(8);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(8);
        builder.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.BlankProxy).HasConversion<string>().HasMaxLength(24);
        builder.Property(v => v.ClosingDigest).HasMaxLength(64);
        // Opening or closing twice at once: the second save loses on this token.
        builder.Property(v => v.Status).IsConcurrencyToken();
        builder.Property(v => v.Options).HasConversion(
            o => JsonSerializer.Serialize(o, Json), s => JsonSerializer.Deserialize<List<string>>(s, Json) ?? new List<string>(),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), o => o.Aggregate(0, (h, x) => HashCode.Combine(h, x)), o => o.ToList()))
            .HasMaxLength(8000);
        builder.Property(v => v.Colleges).HasConversion(
            c => JsonSerializer.Serialize(c, Json), s => JsonSerializer.Deserialize<List<College>>(s, Json) ?? new List<College>(),
            new ValueComparer<IReadOnlyList<College>>((a, b) => a!.SequenceEqual(b!), c => c.Aggregate(0, (h, x) => HashCode.Combine(h, x)), c => c.ToList()))
            .HasMaxLength(4000);
        builder.Property(v => v.Rule).HasConversion(r => RuleText.Write(r), s => RuleText.Read(s)).HasMaxLength(200);
        builder.Ignore(v => v.IsFrozen);
        builder.Ignore(v => v.IsPoll);
        builder.Ignore(v => v.ResultsVisible);
        builder.HasIndex(v => new { v.TenantId, v.Status, v.ClosesAt });
        builder.HasIndex(v => new { v.TenantId, v.AssemblyId, v.Position });
        builder.HasOne<Assembly>().WithMany().HasForeignKey(v => new { v.TenantId, v.AssemblyId }).HasPrincipalKey(a => new { a.TenantId, a.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>The frozen rule as one readable line, e.g. "q=1/4 m=1/2 strict=1 base=VotesCast abst=0 blank=0 w=CollegeShares bloc=3/5".</summary>
    private static class RuleText
    {
        public static string? Write(DecisionRule? r) => r is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"q={r.Quorum} m={r.Majority} strict={(r.StrictMajority ? 1 : 0)} base={r.MajorityBase} abst={(r.AbstentionsCountAsCast ? 1 : 0)} blank={(r.BlanksCountAsCast ? 1 : 0)} w={r.Weighting} bloc={r.BlocThreshold ?? new Fraction(3, 5)}");

        public static DecisionRule? Read(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var parts = text.Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            static Fraction F(string s) { var x = s.Split('/'); return new Fraction(long.Parse(x[0], CultureInfo.InvariantCulture), long.Parse(x[1], CultureInfo.InvariantCulture)); }
            return new DecisionRule(F(parts["q"]), F(parts["m"]), parts["strict"] == "1", Enum.Parse<MajorityBase>(parts["base"]),
                parts["abst"] == "1", parts["blank"] == "1", Enum.Parse<Weighting>(parts["w"]), F(parts["bloc"]));
        }
    }
}

internal sealed class VoterRollEntryConfiguration : IEntityTypeConfiguration<VoterRollEntry>
{
    public void Configure(EntityTypeBuilder<VoterRollEntry> builder)
    {
        builder.ToTable("voter_roll");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.TenantId, r.VoteId, r.MemberId }).IsUnique();
        builder.HasOne<Vote>().WithMany().HasForeignKey(r => new { r.TenantId, r.VoteId }).HasPrincipalKey(v => new { v.TenantId, v.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => new { r.TenantId, r.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        // Deliberately no foreign key from a ballot to a member: in a secret vote there is nothing to point to.
        builder.ToTable("ballots");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Answer).HasMaxLength(400);
        builder.Property(b => b.Choice).HasConversion<string>().HasMaxLength(8);
        builder.Property(b => b.Reason).HasMaxLength(2000);
        builder.Property(b => b.Receipt).HasMaxLength(14);
        builder.Property(b => b.Replaces).HasMaxLength(14);
        builder.Property(b => b.Source).HasConversion<string>().HasMaxLength(12);
        builder.Property(b => b.PreviousHash).HasMaxLength(64);
        builder.Property(b => b.Hash).HasMaxLength(64);
        // The chain has one entry per place: two submissions racing for the same place cannot both be stored.
        builder.HasIndex(b => new { b.TenantId, b.VoteId, b.Sequence }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.VoteId, b.Receipt }).IsUnique();
        // Exactly one current ballot per voter (named votes) and one replacement per receipt (secret votes).
        builder.HasIndex(b => new { b.TenantId, b.VoteId, b.VoterId }).IsUnique().HasFilter("is_current AND voter_id IS NOT NULL")
            .HasDatabaseName("ix_ballots_one_current_per_voter");
        builder.HasIndex(b => new { b.TenantId, b.VoteId, b.Replaces }).IsUnique().HasFilter("replaces IS NOT NULL")
            .HasDatabaseName("ix_ballots_one_replacement_per_receipt");
        // The tally groups current ballots by college and choice.
        builder.HasIndex(b => new { b.TenantId, b.VoteId, b.CollegeId, b.Choice }).HasFilter("is_current")
            .HasDatabaseName("ix_ballots_current_tally");
        builder.HasOne<Vote>().WithMany().HasForeignKey(b => new { b.TenantId, b.VoteId }).HasPrincipalKey(v => new { v.TenantId, v.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
