using Coop.Data.Tenancy;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Live updates for a hybrid meeting. The hub only tells pages "something changed"; the page then fetches its
/// fragment over plain HTTP with the viewer's own rights, so nothing private ever travels through a group.
/// Groups are named by tenant and assembly, and joining requires membership of the cooperative in the path.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class AssemblyHub : Hub
{
    public override async Task OnConnectedAsync()
    {
        // Hub methods run in their own DI scope; the tenant was resolved for the connection's HTTP request.
        var http = Context.GetHttpContext();
        var tenant = http?.RequestServices.GetRequiredService<TenantContext>();
        if (tenant?.TenantId is not { } tenantId || !Guid.TryParse(http!.Request.Query["assembly"], out var assemblyId))
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, AssemblyLive.Group(tenantId, assemblyId));
        await base.OnConnectedAsync();
    }
}

public sealed class AssemblyLive(IHubContext<AssemblyHub> hub)
{
    public static string Group(Guid tenantId, Guid assemblyId) => $"{tenantId:N}:{assemblyId:N}";

    public Task ChangedAsync(Guid tenantId, Guid assemblyId) => hub.Clients.Group(Group(tenantId, assemblyId)).SendAsync("changed");
}
