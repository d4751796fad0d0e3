using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Treasury : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "pre_authorized_debit",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "sepa_debit",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "stripe_account_id",
                table: "tenants",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "tax_receipts",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "wallet_minimum_top_up_minor",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 500L);

            migrationBuilder.CreateTable(
                name: "dues_calls",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tariff = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    minimum_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    waived_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reminded_before_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reminded_after_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dues_calls", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_dues_calls_members_tenant_id_member_id",
                        columns: x => new { x.tenant_id, x.member_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dues_plans",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    custom_months = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    standard_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    grace_days = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dues_plans", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    journal = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reverses_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_entries", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    call_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    checkout_session_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    invoice_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fee_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    receipt_number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    settled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_payments_members_tenant_id_member_id",
                        columns: x => new { x.tenant_id, x.member_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "provider_events",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_events", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "tenant_counters",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_counters", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "wallet_transfers",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to_member_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wallet_transfers", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "wallets",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    balance_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wallets", x => new { x.tenant_id, x.id });
                    table.CheckConstraint("ck_wallets_balance_not_negative", "balance_minor >= 0");
                    table.ForeignKey(
                        name: "fk_wallets_members_tenant_id_member_id",
                        columns: x => new { x.tenant_id, x.member_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dues_tariffs",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dues_tariffs", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_dues_tariffs_dues_plans_tenant_id_plan_id",
                        columns: x => new { x.tenant_id, x.plan_id },
                        principalTable: "dues_plans",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journal_lines",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    debit_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    credit_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_lines", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_journal_lines_journal_entries_tenant_id_entry_id",
                        columns: x => new { x.tenant_id, x.entry_id },
                        principalTable: "journal_entries",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tenants_stripe_account_id",
                table: "tenants",
                column: "stripe_account_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dues_calls_tenant_id_due_on",
                table: "dues_calls",
                columns: new[] { "tenant_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_dues_calls_tenant_id_member_id",
                table: "dues_calls",
                columns: new[] { "tenant_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dues_calls_tenant_id_plan_id_member_id_period_start",
                table: "dues_calls",
                columns: new[] { "tenant_id", "plan_id", "member_id", "period_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dues_plans_tenant_id_name",
                table: "dues_plans",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dues_tariffs_tenant_id_plan_id_category_id",
                table: "dues_tariffs",
                columns: new[] { "tenant_id", "plan_id", "category_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_tenant_id_number",
                table: "journal_entries",
                columns: new[] { "tenant_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_tenant_id_source_source_id",
                table: "journal_entries",
                columns: new[] { "tenant_id", "source", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_tenant_id_account_member_id",
                table: "journal_lines",
                columns: new[] { "tenant_id", "account", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_tenant_id_entry_id",
                table: "journal_lines",
                columns: new[] { "tenant_id", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_tenant_id_checkout_session_id",
                table: "payments",
                columns: new[] { "tenant_id", "checkout_session_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_tenant_id_invoice_id",
                table: "payments",
                columns: new[] { "tenant_id", "invoice_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_tenant_id_member_id_created_at",
                table: "payments",
                columns: new[] { "tenant_id", "member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_tenant_id_receipt_number",
                table: "payments",
                columns: new[] { "tenant_id", "receipt_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_tenant_id_status_created_at",
                table: "payments",
                columns: new[] { "tenant_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_provider_events_tenant_id_event_id",
                table: "provider_events",
                columns: new[] { "tenant_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tenant_counters_tenant_id_name",
                table: "tenant_counters",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wallet_transfers_tenant_id_from_member_id_created_at",
                table: "wallet_transfers",
                columns: new[] { "tenant_id", "from_member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_wallet_transfers_tenant_id_to_member_id_created_at",
                table: "wallet_transfers",
                columns: new[] { "tenant_id", "to_member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_wallets_tenant_id_member_id",
                table: "wallets",
                columns: new[] { "tenant_id", "member_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dues_calls");

            migrationBuilder.DropTable(
                name: "dues_tariffs");

            migrationBuilder.DropTable(
                name: "journal_lines");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "provider_events");

            migrationBuilder.DropTable(
                name: "tenant_counters");

            migrationBuilder.DropTable(
                name: "wallet_transfers");

            migrationBuilder.DropTable(
                name: "wallets");

            migrationBuilder.DropTable(
                name: "dues_plans");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropIndex(
                name: "ix_tenants_stripe_account_id",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "pre_authorized_debit",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "sepa_debit",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "stripe_account_id",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "tax_receipts",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "wallet_minimum_top_up_minor",
                table: "tenants");
        }
    }
}
