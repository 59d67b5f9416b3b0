using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Radikalisering.Core.Http;

namespace Radikalisering.Tests.Http;

public sealed class HandlerActionResultTests
{
    [Fact]
    public async Task Executing_the_action_result_writes_the_handlers_response()
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection()
                .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
                .BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();

        var action = await Task.FromResult(Results.Problem(statusCode: 412, title: "Stale")).AsActionResult();
        await action.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal(412, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        Assert.Contains("Stale", await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
