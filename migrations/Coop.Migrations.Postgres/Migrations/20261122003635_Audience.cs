using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Audience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "former_member_retention_months",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<string>(
                name: "privacy_officer_email",
                table: "tenants",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "privacy_officer_name",
                table: "tenants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "campaign_id",
                table: "outbox_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "list_unsubscribe",
                table: "outbox_messages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pseudonymised_at",
                table: "members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    given = table.Column<bool>(type: "boolean", nullable: false),
                    evidence = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_records", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contact_consents",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_consents", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contact_imports",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    headers = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    inserted = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    consents = table.Column<int>(type: "integer", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_imports", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    email_normalized = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_active_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reconsent_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "page_view_counts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    page = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_page_view_counts", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "privacy_requests",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_privacy_requests", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "processing_activities",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    purposes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    data_categories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    data_subjects = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recipients = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    retention = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    security = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processing_activities", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "purposes",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    archived = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purposes", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "retention_runs",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reconsent_requested = table.Column<int>(type: "integer", nullable: false),
                    contacts_deleted = table.Column<int>(type: "integer", nullable: false),
                    members_pseudonymised = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_runs", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "purpose_texts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purpose_texts", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_purpose_texts_purposes_tenant_id_purpose_id",
                        columns: x => new { x.tenant_id, x.purpose_id },
                        principalTable: "purposes",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "segments",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    purpose_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    postal_prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segments", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_segments_purposes_tenant_id_purpose_id",
                        columns: x => new { x.tenant_id, x.purpose_id },
                        principalTable: "purposes",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_campaigns_segments_tenant_id_segment_id",
                        columns: x => new { x.tenant_id, x.segment_id },
                        principalTable: "segments",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_campaign_id",
                table: "outbox_messages",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_tenant_id_segment_id",
                table: "campaigns",
                columns: new[] { "tenant_id", "segment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_tenant_id_contact_id_purpose_id",
                table: "consent_records",
                columns: new[] { "tenant_id", "contact_id", "purpose_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_consents_tenant_id_contact_id_purpose_id",
                table: "contact_consents",
                columns: new[] { "tenant_id", "contact_id", "purpose_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_email_normalized",
                table: "contacts",
                columns: new[] { "tenant_id", "email_normalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_page_view_counts_tenant_id_day_page",
                table: "page_view_counts",
                columns: new[] { "tenant_id", "day", "page" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_privacy_requests_tenant_id_status_due_at",
                table: "privacy_requests",
                columns: new[] { "tenant_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_processing_activities_tenant_id_key",
                table: "processing_activities",
                columns: new[] { "tenant_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purpose_texts_tenant_id_purpose_id_version",
                table: "purpose_texts",
                columns: new[] { "tenant_id", "purpose_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purposes_tenant_id_name",
                table: "purposes",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_segments_tenant_id_name",
                table: "segments",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_segments_tenant_id_purpose_id",
                table: "segments",
                columns: new[] { "tenant_id", "purpose_id" });

            // Row-level security on every new tenant table (see TenantRowLevelSecurity).
            TenantRowLevelSecurity.Enable(migrationBuilder, "consent_records");
            TenantRowLevelSecurity.Enable(migrationBuilder, "contact_consents");
            TenantRowLevelSecurity.Enable(migrationBuilder, "contact_imports");
            TenantRowLevelSecurity.Enable(migrationBuilder, "contacts");
            TenantRowLevelSecurity.Enable(migrationBuilder, "page_view_counts");
            TenantRowLevelSecurity.Enable(migrationBuilder, "privacy_requests");
            TenantRowLevelSecurity.Enable(migrationBuilder, "processing_activities");
            TenantRowLevelSecurity.Enable(migrationBuilder, "purposes");
            TenantRowLevelSecurity.Enable(migrationBuilder, "retention_runs");
            TenantRowLevelSecurity.Enable(migrationBuilder, "purpose_texts");
            TenantRowLevelSecurity.Enable(migrationBuilder, "segments");
            TenantRowLevelSecurity.Enable(migrationBuilder, "campaigns");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TenantRowLevelSecurity.Disable(migrationBuilder, "consent_records");
            TenantRowLevelSecurity.Disable(migrationBuilder, "contact_consents");
            TenantRowLevelSecurity.Disable(migrationBuilder, "contact_imports");
            TenantRowLevelSecurity.Disable(migrationBuilder, "contacts");
            TenantRowLevelSecurity.Disable(migrationBuilder, "page_view_counts");
            TenantRowLevelSecurity.Disable(migrationBuilder, "privacy_requests");
            TenantRowLevelSecurity.Disable(migrationBuilder, "processing_activities");
            TenantRowLevelSecurity.Disable(migrationBuilder, "purposes");
            TenantRowLevelSecurity.Disable(migrationBuilder, "retention_runs");
            TenantRowLevelSecurity.Disable(migrationBuilder, "purpose_texts");
            TenantRowLevelSecurity.Disable(migrationBuilder, "segments");
            TenantRowLevelSecurity.Disable(migrationBuilder, "campaigns");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "consent_records");

            migrationBuilder.DropTable(
                name: "contact_consents");

            migrationBuilder.DropTable(
                name: "contact_imports");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "page_view_counts");

            migrationBuilder.DropTable(
                name: "privacy_requests");

            migrationBuilder.DropTable(
                name: "processing_activities");

            migrationBuilder.DropTable(
                name: "purpose_texts");

            migrationBuilder.DropTable(
                name: "retention_runs");

            migrationBuilder.DropTable(
                name: "segments");

            migrationBuilder.DropTable(
                name: "purposes");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_campaign_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "former_member_retention_months",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "privacy_officer_email",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "privacy_officer_name",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "campaign_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "list_unsubscribe",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "pseudonymised_at",
                table: "members");
        }
    }
}
