using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Coop.Web.Tests.Conventions;

/// <summary>
/// Isolation as a convention: every entity is tenant-owned (keyed and filtered by tenant) or explicitly
/// platform-level, and the tenant-owned ones are Citus-ready (tenant_id leads every key, index and tenant foreign key).
/// </summary>
[TestFixtureSource(typeof(ModelConventionTests), nameof(Providers))]
public sealed class ModelConventionTests(DatabaseProvider provider)
{
    public static readonly object[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private IModel _model = null!;

    [OneTimeSetUp]
    public void BuildModel()
    {
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Data.DependencyInjection.Configure(options, provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost");
        using var db = new CoopDbContext(options.Options);
        _model = db.Model;
    }

    private IEnumerable<IEntityType> Entities => _model.GetEntityTypes().Where(e => !e.IsOwned());
    private IEnumerable<IEntityType> TenantOwned => Entities.Where(e => (string?)e[ModelScope.Annotation] == ModelScope.Tenant);

    [Test]
    public void Every_entity_is_either_tenant_owned_or_explicitly_platform_level()
    {
        var unmarked = Entities.Where(e => e[ModelScope.Annotation] is null).Select(e => e.DisplayName()).ToList();
        Assert.That(unmarked, Is.Empty);
        Assert.That(TenantOwned.Select(e => e.ClrType), Does.Contain(typeof(Domain.Membership.Member)));
    }

    [Test]
    public void Tenant_owned_entities_implement_the_interface_and_platform_ones_do_not()
    {
        foreach (var entity in Entities)
        {
            var isTenant = (string?)entity[ModelScope.Annotation] == ModelScope.Tenant;
            Assert.That(typeof(ITenantOwned).IsAssignableFrom(entity.ClrType), Is.EqualTo(isTenant), entity.DisplayName());
        }
    }

    [Test]
    public void Tenant_id_leads_every_primary_key()
    {
        foreach (var entity in TenantOwned)
            Assert.That(entity.FindPrimaryKey()!.Properties[0].Name, Is.EqualTo(nameof(ITenantOwned.TenantId)), entity.DisplayName());
    }

    [Test]
    public void Every_tenant_owned_entity_has_the_named_tenant_filter()
    {
        foreach (var entity in TenantOwned)
        {
            var filter = entity.GetDeclaredQueryFilters().SingleOrDefault(f => f.Key == ModelScope.TenantFilter);
            Assert.That(filter, Is.Not.Null, entity.DisplayName());
            Assert.That(filter!.Expression!.ToString(), Does.Contain(nameof(ITenantOwned.TenantId)), entity.DisplayName());
        }
    }

    [Test]
    public void Tenant_id_leads_every_unique_index_of_a_tenant_owned_entity()
    {
        foreach (var index in TenantOwned.SelectMany(e => e.GetIndexes()).Where(i => i.IsUnique))
            Assert.That(index.Properties[0].Name, Is.EqualTo(nameof(ITenantOwned.TenantId)), index.DisplayName());
    }

    [Test]
    public void Foreign_keys_between_tenant_owned_entities_include_tenant_id()
    {
        var tenantTypes = TenantOwned.ToHashSet();
        foreach (var fk in TenantOwned.SelectMany(e => e.GetForeignKeys()).Where(fk => tenantTypes.Contains(fk.PrincipalEntityType)))
            Assert.That(fk.Properties[0].Name, Is.EqualTo(nameof(ITenantOwned.TenantId)), fk.ToString());
    }

    [Test]
    public void Tables_and_columns_are_snake_case()
    {
        foreach (var entity in Entities)
        {
            Assert.That(entity.GetTableName(), Does.Match("^[a-z0-9_]+$"), entity.DisplayName());
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
                Assert.That(property.GetColumnName(table), Does.Match("^[a-z0-9_]+$"), $"{entity.DisplayName()}.{property.Name}");
        }
    }
}
