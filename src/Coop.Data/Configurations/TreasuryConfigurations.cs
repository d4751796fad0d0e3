using Coop.Domain.Membership;
using Coop.Domain.Treasury;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal_entries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Journal).HasConversion<string>().HasMaxLength(2);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Label).HasMaxLength(200);
        builder.HasIndex(e => new { e.TenantId, e.Number }).IsUnique();
        builder.HasIndex(e => new { e.TenantId, e.Source, e.SourceId });
        builder.HasMany(e => e.Lines).WithOne().HasForeignKey(l => new { l.TenantId, l.EntryId }).HasPrincipalKey(e => new { e.TenantId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class JournalLineConfiguration : IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<JournalLine> builder)
    {
        builder.ToTable("journal_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Account).HasMaxLength(8);
        builder.HasIndex(l => new { l.TenantId, l.Account, l.MemberId });
    }
}

internal sealed class DuesPlanConfiguration : IEntityTypeConfiguration<DuesPlan>
{
    public void Configure(EntityTypeBuilder<DuesPlan> builder)
    {
        builder.ToTable("dues_plans");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Period).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}

internal sealed class DuesTariffConfiguration : IEntityTypeConfiguration<DuesTariff>
{
    public void Configure(EntityTypeBuilder<DuesTariff> builder)
    {
        builder.ToTable("dues_tariffs");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => new { t.TenantId, t.PlanId, t.CategoryId }).IsUnique();
        builder.HasOne<DuesPlan>().WithMany().HasForeignKey(t => new { t.TenantId, t.PlanId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DuesCallConfiguration : IEntityTypeConfiguration<DuesCall>
{
    public void Configure(EntityTypeBuilder<DuesCall> builder)
    {
        builder.ToTable("dues_calls");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Tariff).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(500);
        // Calling a period twice (two treasurers, a retried request) makes one call per member.
        builder.HasIndex(c => new { c.TenantId, c.PlanId, c.MemberId, c.PeriodStart }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.MemberId });
        builder.HasIndex(c => new { c.TenantId, c.DueOn });
        // Two payments applied at once: the second save loses and is retried against fresh figures.
        builder.Property(c => c.PaidMinor).IsConcurrencyToken();
        builder.Property(c => c.WaivedMinor).IsConcurrencyToken();
        builder.HasOne<Member>().WithMany().HasForeignKey(c => new { c.TenantId, c.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Purpose).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.Property(p => p.CheckoutSessionId).HasMaxLength(200);
        builder.Property(p => p.InvoiceId).HasMaxLength(200);
        builder.Property(p => p.ReceiptNumber).HasMaxLength(16);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.Status).IsConcurrencyToken();
        builder.Property(p => p.RefundedMinor).IsConcurrencyToken();
        builder.HasIndex(p => new { p.TenantId, p.CheckoutSessionId }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.InvoiceId }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.ReceiptNumber }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.MemberId, p.CreatedAt });
        builder.HasIndex(p => new { p.TenantId, p.Status, p.CreatedAt });
        builder.HasOne<Member>().WithMany().HasForeignKey(p => new { p.TenantId, p.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> builder)
    {
        builder.ToTable("wallets", t => t.HasCheckConstraint("ck_wallets_balance_not_negative", "balance_minor >= 0"));
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasIndex(w => new { w.TenantId, w.MemberId }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(w => new { w.TenantId, w.MemberId }).HasPrincipalKey(m => new { m.TenantId, m.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WalletTransferConfiguration : IEntityTypeConfiguration<WalletTransfer>
{
    public void Configure(EntityTypeBuilder<WalletTransfer> builder)
    {
        builder.ToTable("wallet_transfers");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.Note).HasMaxLength(200);
        builder.HasIndex(t => new { t.TenantId, t.FromMemberId, t.CreatedAt });
        builder.HasIndex(t => new { t.TenantId, t.ToMemberId, t.CreatedAt });
    }
}

internal sealed class ProviderEventConfiguration : IEntityTypeConfiguration<ProviderEvent>
{
    public void Configure(EntityTypeBuilder<ProviderEvent> builder)
    {
        builder.ToTable("provider_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.EventId).HasMaxLength(200);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.HasIndex(e => new { e.TenantId, e.EventId }).IsUnique();
    }
}

internal sealed class TenantCounterConfiguration : IEntityTypeConfiguration<TenantCounter>
{
    public void Configure(EntityTypeBuilder<TenantCounter> builder)
    {
        builder.ToTable("tenant_counters");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(40);
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
    }
}
