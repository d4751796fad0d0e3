using Coop.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<Security.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.ListUnsubscribe).HasMaxLength(1000);
        builder.HasIndex(m => m.CampaignId);
        // The sender's claim query: unsent, due messages in order.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }

    public void Configure(EntityTypeBuilder<Security.DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
