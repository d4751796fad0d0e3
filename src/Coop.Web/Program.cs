using Coop.Data;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Audience;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Charter;
using Coop.Web.Features.Community;
using Coop.Web.Features.Demo;
using Coop.Web.Features.Errors;
using Coop.Web.Features.Governance;
using Coop.Web.Features.Health;
using Coop.Web.Features.Mail;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Coop.Web.Features.Treasury;
using Coop.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddCoopData();
builder.AddCoopLogging();
builder.AddCoopLocalization();
builder.AddCoopMvc();
builder.AddTenancy();
builder.AddAccounts();
builder.AddAuthorizationPolicies();
builder.AddAudit();
builder.AddCharter();
builder.AddMembership();
builder.AddGovernance();
builder.AddCommunity();
builder.AddTreasury();
builder.AddAudience();
builder.AddMail();
builder.AddHealth();
builder.AddDemo();

var app = builder.Build();

if (args.Contains("migrate"))
{
    // Run as the owner role: `dotnet run --project src/Coop.Web -- migrate` (see README, "Running on PostgreSQL").
    await app.Services.MigrateDatabaseAsync();
    return;
}

await app.PrepareDatabaseAsync();

app.UseRequestCosts();
app.UseCoopErrorPages();
app.UseCoopSecurityHeaders();
app.UseForwardedHeaders();
app.UseStaticFiles();
app.UseTenancy();
app.UseCoopLocalization();
app.UseRouting();
app.UsePageViews();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.MapGovernanceHub();
app.MapHealth();
app.MapCoopOpenApi();

app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
