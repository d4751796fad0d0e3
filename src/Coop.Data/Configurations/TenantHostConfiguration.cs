using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class TenantHostConfiguration : IEntityTypeConfiguration<TenantHost>
{
    public void Configure(EntityTypeBuilder<TenantHost> builder)
    {
        builder.ToTable("tenant_hosts");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.HostName).HasMaxLength(253);
        builder.HasIndex(h => h.HostName).IsUnique();
    }
}
