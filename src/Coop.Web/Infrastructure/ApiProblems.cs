using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Infrastructure;

/// <summary>RFC 7807 problem details for the JSON API, with titles in the caller's language.</summary>
public static class ApiProblems
{
    public static IActionResult ValidationResponse(ActionContext context)
    {
        var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var problem = new ValidationProblemDetails(context.ModelState)
        {
            Title = l["Problem.Validation"],
            Status = StatusCodes.Status400BadRequest,
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
            Instance = context.HttpContext.Request.Path,
        };
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    public static ObjectResult Problem(HttpContext http, int status, string titleKey, string? detailKey = null, params object[] detailArgs)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var problem = new ProblemDetails
        {
            Status = status,
            Title = l[titleKey],
            Detail = detailKey is null ? null : l[detailKey, detailArgs].Value,
            Instance = http.Request.Path,
        };
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }
}
