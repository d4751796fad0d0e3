using Coop.Data;
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
}
