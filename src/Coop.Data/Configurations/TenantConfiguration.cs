using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coop.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(TenantSlug.MaxLength);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.Locale).HasMaxLength(10);
        builder.Property(t => t.TimeZoneId).HasMaxLength(64);
        builder.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(t => t.LegalForm).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.StateReason).HasMaxLength(1000);
        builder.Property(t => t.ContactEmail).HasMaxLength(256);
        builder.Property(t => t.StripeAccountId).HasMaxLength(100);
        builder.Property(t => t.PrivacyOfficerName).HasMaxLength(200);
        builder.Property(t => t.PrivacyOfficerEmail).HasMaxLength(256);
        // A connected account is one cooperative's: a webhook naming it is routed to that cooperative only.
        builder.HasIndex(t => t.StripeAccountId).IsUnique();
        builder.ComplexProperty(t => t.Territory, territory =>
        {
            territory.Property(x => x.CountryCode).HasMaxLength(2).IsFixedLength();
            territory.Property(x => x.Region).HasMaxLength(100);
            territory.Property(x => x.Locality).HasMaxLength(100);
        });
        builder.HasMany(t => t.Hosts).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Hosts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
