using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// CreateTable / UpdateTable / DeleteTable / DescribeTable: forwarded, and the model learns or changes the
/// table's capacity. Descriptions going back to the client show the model's capacity (auto scaling moves
/// it; the emulator knows nothing of it). UpdateTable asks the model first: a refusal (decrease budget,
/// mode switches) is LimitExceededException and never reaches the emulator.
/// </summary>
internal static class TableLifecycleHandlers
{
    public static async Task<WireResponse> CreateAsync(OperationContext context)
    {
        var upstream = await context.ForwardAsync();
        if (!upstream.IsSuccess)
            return WireResponse.Unchanged(upstream);
        var request = context.Root;
        var definition = CapacityDefinitionReader.Read(request);
        using var document = JsonDocument.Parse(upstream.Body.Memory);
        // The request carries what dynalite drops (OnDemandThroughput, WarmThroughput); the answer is the schema as stored.
        var description = JsonRead.Object(document.RootElement, "TableDescription") ?? request;
        if (context.Services.Tables.Learn(description, definition, created: true) is null)
            context.Services.Tables.Learn(request, definition, created: true);
        if (TableStatusSettling.Applies(context) && JsonRead.String(request, "TableName") is { } created)
            await TableStatusSettling.AwaitAsync(context, created, gone: false);
        return WithDescription(context, upstream, document, "TableDescription");
    }

    public static async Task<WireResponse> UpdateAsync(OperationContext context)
    {
        var request = context.Root;
        string name = JsonRead.RequireString(request, "TableName");
        var model = context.Services.Model;
        var table = await context.Services.Tables.EnsureAsync(name, context);
        var current = table is null ? null : model.Describe(name);
        if (current is not null)
        {
            var result = model.UpdateTable(UpdateTableMerger.Merge(current, request));
            if (!result.Accepted)
            {
                return DynamoErrors.Create(
                    400,
                    DynamoErrors.DynamoNamespace + (result.ErrorType ?? "LimitExceededException"),
                    result.RefusalMessage ?? $"Subscriber limit exceeded: the capacity change to table {name} is not allowed now.");
            }
        }

        var upstream = await context.ForwardAsync();
        if (!upstream.IsSuccess)
        {
            // The emulator refused what the model had accepted: put the model back (best effort; see the report).
            if (current is not null)
                model.UpdateTable(current);
            return WireResponse.Unchanged(upstream);
        }

        if (TableStatusSettling.Applies(context))
            await TableStatusSettling.AwaitAsync(context, name, gone: false);
        using var document = JsonDocument.Parse(upstream.Body.Memory);
        var answered = JsonRead.Object(document.RootElement, "TableDescription");
        if (answered is { } description)
            context.Services.Tables.Refresh(description);
        // DynamoDB answers an UpdateTable with the table UPDATING and the units still in force; the new ones
        // show once it is ACTIVE again. The model applied them already, so the answer shows the previous ones.
        bool updating = answered is { } shownTable && JsonRead.String(shownTable, "TableStatus") == "UPDATING";
        return WithDescription(context, upstream, document, "TableDescription", updating ? current : null);
    }

    public static async Task<WireResponse> DeleteAsync(OperationContext context)
    {
        string name = JsonRead.RequireString(context.Root, "TableName");
        var upstream = await context.ForwardAsync();
        if (upstream.IsSuccess || upstream.IsError("ResourceNotFoundException"))
        {
            if (context.Services.Model.Knows(name))
                context.Services.Model.DeleteTable(name);
            context.Services.Tables.Forget(name);
            if (upstream.IsSuccess && TableStatusSettling.Applies(context))
                await TableStatusSettling.AwaitAsync(context, name, gone: true);
        }

        return WireResponse.Unchanged(upstream);
    }

    public static async Task<WireResponse> DescribeAsync(OperationContext context)
    {
        var upstream = await context.ForwardAsync();
        if (!upstream.IsSuccess)
            return WireResponse.Unchanged(upstream);
        using var document = JsonDocument.Parse(upstream.Body.Memory);
        if (JsonRead.Object(document.RootElement, "Table") is { } description
            && JsonRead.String(description, "TableName") is { } name
            && context.Services.Tables.Find(name) is null)
        {
            context.Services.Tables.Learn(description, CapacityDefinitionReader.Read(description), created: false);
        }

        return WithDescription(context, upstream, document, "Table");
    }

    /// <summary>The answer with its description's capacity replaced by the model's current settings.</summary>
    private static WireResponse WithDescription(OperationContext context, UpstreamResponse upstream, JsonDocument document, string member, Model.TableCapacityDefinition? shown = null)
    {
        if (JsonRead.Object(document.RootElement, member) is not { } description
            || JsonRead.String(description, "TableName") is not { } name
            || (shown ?? context.Services.Model.Describe(name)) is not { } definition)
        {
            return WireResponse.Unchanged(upstream);
        }

        using (upstream)
        {
            var body = JsonSplice.Rewrite(upstream.Body.Span, [member], w =>
            {
                w.WritePropertyName(member);
                TableDescriptionRewriter.Write(w, description, definition, context.Services.Shadows.For(name).Totals(), context.Services.Tables.Find(name));
            });
            return WireResponse.Json(upstream.Status, body, upstream.RequestId);
        }
    }
}
