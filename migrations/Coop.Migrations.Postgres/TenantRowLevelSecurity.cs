using Microsoft.EntityFrameworkCore.Migrations;

namespace Coop.Migrations.Postgres;

/// <summary>
/// PostgreSQL-only defence in depth, called from migrations. The app connects as <see cref="AppRole"/>, which is
/// neither owner, superuser nor BYPASSRLS; every tenant table gets ENABLE + FORCE row-level security and a policy
/// that only shows and accepts rows of the tenant named by the connection's <c>coop.tenant_id</c> setting.
/// An unset or empty setting matches nothing. A test fails on any table with a tenant_id column and no policy.
/// </summary>
public static class TenantRowLevelSecurity
{
    public const string AppRole = "coop_app";

    /// <summary>Creates the restricted application role (NOLOGIN: the operator gives it a password) and its grants.</summary>
    public static void CreateAppRole(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                    CREATE ROLE {AppRole} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                END IF;
            END $$;
            GRANT USAGE ON SCHEMA public TO {AppRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AppRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {AppRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {AppRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {AppRole};
            REVOKE ALL ON TABLE "__EFMigrationsHistory" FROM {AppRole};
            """);
    }

    public static void Enable(MigrationBuilder migrationBuilder, string table)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {table}
                USING (tenant_id = NULLIF(current_setting('coop.tenant_id', true), '')::uuid)
                WITH CHECK (tenant_id = NULLIF(current_setting('coop.tenant_id', true), '')::uuid);
            """);
    }

    /// <summary>
    /// A read-only policy on <c>members</c>: while <c>coop.user_id</c> names a person (set only by the "my
    /// cooperatives" reader), that person's own membership rows are visible, in every cooperative. Permissive
    /// policies combine with OR, and nothing else sets the setting, so ordinary requests see no more than before.
    /// </summary>
    public static void EnableOwnMemberships(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            "CREATE POLICY own_memberships ON members FOR SELECT " +
            "USING (user_id = NULLIF(current_setting('coop.user_id', true), '')::uuid);");
    }

    public static void Disable(MigrationBuilder migrationBuilder, string table)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            DROP POLICY IF EXISTS tenant_isolation ON {table};
            ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
            ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
            """);
    }
}
