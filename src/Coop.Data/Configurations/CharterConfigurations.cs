using Coop.Domain.Charter;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class CharterVersionConfiguration : IEntityTypeConfiguration<CharterVersion>
{
    public void Configure(EntityTypeBuilder<CharterVersion> builder)
    {
        builder.ToTable("charter_versions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Markdown).HasMaxLength(CharterVersion.MaxLength);
        builder.Property(v => v.ChangeSummary).HasMaxLength(500);
        // Two admins publishing at once cannot both create the same version number.
        builder.HasIndex(v => new { v.TenantId, v.Number }).IsUnique();
        builder.Property(v => v.Number).IsConcurrencyToken();
    }
}

internal sealed class CharterAcceptanceConfiguration : IEntityTypeConfiguration<CharterAcceptance>
{
    public void Configure(EntityTypeBuilder<CharterAcceptance> builder)
    {
        builder.ToTable("charter_acceptances");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.TenantId, a.MemberId, a.CharterVersionId }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(a => new { a.TenantId, a.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CharterVersion>().WithMany().HasForeignKey(a => new { a.TenantId, a.CharterVersionId }).HasPrincipalKey(v => new { v.TenantId, v.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Domain.Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Domain.Audit.AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.Before).HasMaxLength(4000);
        builder.Property(a => a.After).HasMaxLength(4000);
        builder.HasIndex(a => new { a.TenantId, a.At });
    }
}
