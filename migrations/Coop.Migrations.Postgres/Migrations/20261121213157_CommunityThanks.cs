using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CommunityThanks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "community_thanks",
                table: "tenants",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "new_member_daily_posts",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "new_member_days",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.CreateTable(
                name: "thanks",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thanks", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_thanks_posts_tenant_id_post_id",
                        columns: x => new { x.tenant_id, x.post_id },
                        principalTable: "posts",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_thanks_tenant_id_post_id_from_member_id",
                table: "thanks",
                columns: new[] { "tenant_id", "post_id", "from_member_id" },
                unique: true);

            TenantRowLevelSecurity.Enable(migrationBuilder, "thanks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TenantRowLevelSecurity.Disable(migrationBuilder, "thanks");
            migrationBuilder.DropTable(
                name: "thanks");

            migrationBuilder.DropColumn(
                name: "community_thanks",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "new_member_daily_posts",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "new_member_days",
                table: "tenants");
        }
    }
}
