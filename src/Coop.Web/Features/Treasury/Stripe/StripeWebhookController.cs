using System.Text.Json;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coop.Web.Features.Treasury.Stripe;

/// <summary>
/// Stripe's webhook endpoint, one for the platform. The signature is checked over the raw body before anything
/// else; the event is routed to its cooperative by the connected account and our metadata, and refused when the two
/// name different cooperatives. It answers 2xx as soon as the effect is committed (or was already).
/// </summary>
[Tenantless]
[ApiController]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("webhooks/stripe")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class StripeWebhookController(CoopDbContext db, TenantScopeFactory tenantScopes, IOptions<StripeOptions> options, TimeProvider clock,
    ILogger<StripeWebhookController> logger) : ControllerBase
{
    private const int MaxBody = 512 * 1024;

    [HttpPost("")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Receive(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        if (!StripeSignature.Verify(Request.Headers["Stripe-Signature"], body, options.Value.WebhookSecret ?? "", clock.GetUtcNow(), options.Value.Tolerance))
            return ApiProblems.Problem(HttpContext, 400, "Problem.Unprocessable", "Treasury.BadSignature");

        string id, type;
        string? account;
        JsonElement data;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            id = root.GetProperty("id").GetString()!;
            type = root.GetProperty("type").GetString()!;
            account = StripeJson.Text(root, "account");
            data = root.GetProperty("data").GetProperty("object").Clone();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ApiProblems.Problem(HttpContext, 400, "Problem.Unprocessable", "Treasury.BadEvent");
        }

        var named = Named(data, type);
        var byAccount = account is null ? null : await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.StripeAccountId == account, ct);
        var byMetadata = named is { } tenantId ? await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, ct) : null;
        if (byAccount is not null && byMetadata is not null && byAccount.Id != byMetadata.Id)
        {
            logger.LogWarning("Stripe event {EventId} from account {Account} names another cooperative {TenantId}", id, account, named);
            return ApiProblems.Problem(HttpContext, 400, "Problem.Unprocessable", "Treasury.OtherTenant");
        }
        if (byMetadata is not null && byAccount is null && account is not null)
            return ApiProblems.Problem(HttpContext, 400, "Problem.Unprocessable", "Treasury.OtherTenant");
        var tenant = byAccount ?? byMetadata;
        if (tenant is null || tenant.State == TenantState.Archived) return Ok(new { received = true, ignored = true });

        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "stripe webhook");
        var outcome = await scope.ServiceProvider.GetRequiredService<StripeEvents>().ApplyAsync(id, type, data, ct);
        logger.LogInformation("Stripe event {EventId} ({Type}) for {TenantSlug}: {Outcome}", id, type, tenant.Slug, outcome);
        // Too early: a 409 makes Stripe deliver it again later, after the event it depends on.
        return outcome == EventOutcome.TooEarly ? Conflict(new { received = true, retry = true }) : Ok(new { received = true });
    }

    /// <summary>The cooperative our own metadata names (set on every session and payment intent we create).</summary>
    private static Guid? Named(JsonElement data, string type)
    {
        var metadata = type.StartsWith("invoice.", StringComparison.Ordinal) ? StripeEvents.SubscriptionMetadata(data) : StripeJson.Metadata(data);
        return metadata.TryGetValue("tenant_id", out var raw) && Guid.TryParse(raw, out var id) ? id : null;
    }
}
