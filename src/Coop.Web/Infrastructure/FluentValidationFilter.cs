using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Coop.Web.Infrastructure;

/// <summary>
/// Validates every action argument that has a FluentValidation validator and puts the (localised) errors in
/// ModelState, before the action runs. Pages show them beside the fields; API controllers answer 400 with
/// RFC 7807 validation problem details. Runs before [ApiController]'s automatic 400.
/// </summary>
public sealed class FluentValidationFilter(IServiceProvider services) : IAsyncActionFilter, IOrderedFilter
{
    /// <summary>Before [ApiController]'s ModelStateInvalidFilter (-2000), which answers the automatic 400.</summary>
    public const int FilterOrder = -3000;

    public int Order => FilterOrder;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null) continue;
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (services.GetService(validatorType) is not IValidator validator) continue;
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors) context.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
        await next();
    }
}
