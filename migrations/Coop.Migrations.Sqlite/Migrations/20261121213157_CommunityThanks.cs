using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "new_member_daily_posts",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "new_member_days",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.CreateTable(
                name: "thanks",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    post_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
