using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class SupportGrantConfiguration : IEntityTypeConfiguration<SupportGrant>
{
    public void Configure(EntityTypeBuilder<SupportGrant> builder)
    {
        builder.ToTable("support_grants");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Reason).HasMaxLength(1000);
        builder.HasIndex(g => new { g.TenantId, g.OperatorUserId, g.ExpiresAt });
    }
}
