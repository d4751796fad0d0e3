using Coop.Data.Membership;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coop.Migrations.Postgres;

/// <summary>
/// A trigger that notifies <see cref="MemberChangeListener.Channel"/> with <c>tenant_id:user_id</c> for every row of
/// <c>members</c> inserted, updated or deleted, by any writer. PostgreSQL delivers it on commit (and not at all on
/// rollback); each app process evicts that membership from its <see cref="MemberCache"/>.
/// </summary>
public static class MemberChangeTrigger
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            CREATE FUNCTION coop_member_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    PERFORM pg_notify('{MemberChangeListener.Channel}', OLD.tenant_id::text || ':' || OLD.user_id::text);
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    PERFORM pg_notify('{MemberChangeListener.Channel}', NEW.tenant_id::text || ':' || NEW.user_id::text);
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER members_changed AFTER INSERT OR UPDATE OR DELETE ON members
                FOR EACH ROW EXECUTE FUNCTION coop_member_changed();
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TRIGGER members_changed ON members;
            DROP FUNCTION coop_member_changed();
            """);
    }
}
