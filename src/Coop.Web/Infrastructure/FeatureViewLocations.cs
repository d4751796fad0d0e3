using Microsoft.AspNetCore.Mvc.Razor;

namespace Coop.Web.Infrastructure;

/// <summary>
/// Views live beside their controller: a controller in namespace <c>Coop.Web.Features.Accounts</c> finds its views
/// in <c>/Features/Accounts/Views/</c>, then in <c>/Features/Shared/</c>.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var ns = (context.ActionContext.ActionDescriptor as Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor)
            ?.ControllerTypeInfo.Namespace ?? string.Empty;
        context.Values[Key] = ns.StartsWith("Coop.Web.Features.", StringComparison.Ordinal) ? ns["Coop.Web.Features.".Length..] : string.Empty;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var feature = context.Values.TryGetValue(Key, out var f) ? f : null;
        if (!string.IsNullOrEmpty(feature)) yield return $"/Features/{feature.Replace('.', '/')}/Views/{{0}}.cshtml";
        yield return "/Features/Shared/{0}.cshtml";
    }
}
