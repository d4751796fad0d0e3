using Coop.Data;
using Coop.Web.Features.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Conventions;

/// <summary>Authorization fails closed: every endpoint states its policy or says it is deliberately anonymous.</summary>
[TestFixture]
public sealed class EndpointPolicyTests() : AppFixture(DatabaseProvider.Sqlite)
{
    [Test]
    public void Every_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.That(endpoints, Has.Count.GreaterThan(20));
        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.That(unmarked, Is.Empty);
    }

    [Test]
    public void Every_tenant_endpoint_that_is_not_public_requires_a_tenant_policy()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("c/{tenant}", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IAllowAnonymous>() is null);
        foreach (var endpoint in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.That(policies.Any(p => p!.Contains("Tenant.", StringComparison.Ordinal)), Is.True, endpoint.RoutePattern.RawText);
        }
    }

    [Test]
    public void Every_endpoint_is_a_cooperatives_or_declared_tenantless()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var undeclared = endpoints
            .Where(e => !IsTenantRoute(e) && e.Metadata.GetMetadata<TenantlessAttribute>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.That(undeclared, Is.Empty, "outside /c/{tenant}, an endpoint says it is the platform's with [Tenantless]");
        Assert.That(endpoints.Where(e => IsTenantRoute(e) && e.Metadata.GetMetadata<TenantlessAttribute>() is not null)
            .Select(e => e.RoutePattern.RawText), Is.Empty, "a cooperative's endpoint is not tenantless");
    }

    [Test]
    public void On_a_cooperatives_own_host_no_page_of_it_is_taken_for_a_platform_page()
    {
        var platform = App.Services.GetRequiredService<TenantlessPaths>();
        foreach (var path in new[] { "/account/login", "/platform", "/health/ready", "/invitations/x/y", "/webhooks/stripe", "/api/auth/token", "/css/site.css" })
            Assert.That(platform.Contains(path), Is.True, path);
        // Under a custom host, /votes is the cooperative's /c/{slug}/votes: no cooperative's page may look like a platform one.
        var clashes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(IsTenantRoute)
            .Select(e => TenantlessPaths.LiteralBeginning(e.RoutePattern, 2))
            .Where(path => path.Length > 0 && platform.Contains(path))
            .Distinct().ToList();
        Assert.That(clashes, Is.Empty);
        Assert.That(platform.Contains("/api/community"), Is.False, "a cooperative's API is its own on its host");
    }

    private static bool IsTenantRoute(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("c/{tenant}", StringComparison.Ordinal) == true;
}
