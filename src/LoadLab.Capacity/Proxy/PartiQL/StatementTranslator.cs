using System.Globalization;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.PartiQL;

/// <summary>The request members of ExecuteStatement (or of one batch or transaction statement) that carry over.</summary>
/// <param name="ExclusiveStartKey">The key a NextToken stands for (<see cref="NextTokens"/>).</param>
internal sealed record StatementOptions(
    bool ConsistentRead = false,
    int? Limit = null,
    JsonElement? ExclusiveStartKey = null,
    string? ReturnConsumedCapacity = null,
    string? ReturnValuesOnConditionCheckFailure = null);

/// <summary>The single-item or Query request a statement stands for, to run through that operation's handler.</summary>
/// <param name="Body">The request JSON (DynamoDB's shape for <paramref name="OperationName"/>).</param>
/// <param name="IsInsert">A failed condition means the item exists: DuplicateItem, not ConditionalCheckFailed.</param>
internal sealed record TranslatedStatement(DynamoOperation Operation, string OperationName, byte[] Body, bool IsRead, bool IsInsert)
{
    public bool IsSingleItemRead => Operation == DynamoOperation.GetItem;
}

/// <summary>
/// Turns a parsed statement into the equivalent request of DynamoDB's item API, which the proxy then runs —
/// and prices, admits and charges — exactly as that operation (docs/capacity-model.md, PartiQL):
/// SELECT with equality on every key of the table → GetItem; any other key condition, or an index → Query;
/// INSERT → PutItem with <c>attribute_not_exists</c> on the partition key; UPDATE → UpdateItem with
/// <c>attribute_exists</c> (PartiQL's UPDATE never creates an item) and the WHERE clause's other conditions;
/// DELETE → DeleteItem with the WHERE clause's other conditions.
/// </summary>
internal static class StatementTranslator
{
    /// <exception cref="PartiqlException">The statement does not fit the table (keys), or the parameters do not fit the statement.</exception>
    public static TranslatedStatement Translate(PartiqlStatement statement, JsonElement? parameters, TableInfo table, StatementOptions options)
    {
        int given = parameters is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : 0;
        if (given != statement.ParameterCount)
            throw new PartiqlException(Messages.ParameterCount);
        var values = new ValueWriter(parameters);
        return statement switch
        {
            SelectStatement select => Select(select, table, options, values),
            InsertStatement insert => Insert(insert, table, options, values),
            UpdateStatement update => Update(update, table, options, values),
            DeleteStatement delete => Delete(delete, table, options, values),
            _ => throw new PartiqlException(Messages.Unsupported(statement.GetType().Name)),
        };
    }

    private static TranslatedStatement Select(SelectStatement select, TableInfo table, StatementOptions options, ValueWriter values)
    {
        string hashKey = table.HashKey;
        string? rangeKey = table.RangeKey;
        if (select.Index is not null)
        {
            var index = table.FindIndex(select.Index)
                ?? throw new PartiqlException($"The table does not have the specified index: {select.Index}");
            hashKey = index.HashKey;
            rangeKey = index.RangeKey;
        }

        Comparison? partition = null;
        Condition? sort = null;
        foreach (var condition in select.Where)
        {
            if (condition.Attribute == hashKey && condition is Comparison { Operator: ComparisonOperator.Equal } equality && partition is null)
                partition = equality;
            else if (condition.Attribute == rangeKey && sort is null && condition is not Comparison { Operator: ComparisonOperator.NotEqual })
                sort = condition;
            else
                throw new PartiqlException(Messages.Unsupported(
                    $"a SELECT whose WHERE holds more than key conditions ('{condition.Attribute}'): a SELECT needs pk = value on '{hashKey}' and at most one condition on the sort key{(rangeKey is null ? string.Empty : $" '{rangeKey}'")} (a scan or a filter)"));
        }

        if (partition is null)
            throw new PartiqlException(Messages.Unsupported($"a SELECT without equality on the partition key '{hashKey}' (a scan)"));

        bool getItem = select.Index is null && (rangeKey is null || sort is Comparison { Operator: ComparisonOperator.Equal });
        return Build(getItem ? DynamoOperation.GetItem : DynamoOperation.Query, isRead: true, isInsert: false, w =>
        {
            w.WriteString("TableName", table.Name);
            if (select.Index is not null)
                w.WriteString("IndexName", select.Index);
            var names = new Names();
            if (getItem)
            {
                w.WritePropertyName("Key");
                w.WriteStartObject();
                w.WritePropertyName(hashKey);
                values.Write(w, partition.Value);
                if (rangeKey is not null)
                {
                    w.WritePropertyName(rangeKey);
                    values.Write(w, ((Comparison)sort!).Value);
                }

                w.WriteEndObject();
            }
            else
            {
                var placeholders = new List<(string Name, Operand Value)>();
                string expression = $"{names.Of(hashKey)} = {Placeholder(placeholders, partition.Value)}";
                if (sort is not null)
                    expression += " AND " + KeyCondition(sort, names, placeholders);
                w.WriteString("KeyConditionExpression", expression);
                WriteValues(w, values, placeholders);
                if (options.Limit is { } limit)
                    w.WriteNumber("Limit", limit);
                if (options.ExclusiveStartKey is { } start)
                {
                    w.WritePropertyName("ExclusiveStartKey");
                    start.WriteTo(w);
                }
            }

            if (select.Projection is { Count: > 0 } projection)
                w.WriteString("ProjectionExpression", string.Join(", ", projection.Select(names.Of)));
            names.Write(w);
            if (options.ConsistentRead)
                w.WriteBoolean("ConsistentRead", true);
            Common(w, options, write: false);
        });
    }

    private static TranslatedStatement Insert(InsertStatement insert, TableInfo table, StatementOptions options, ValueWriter values) =>
        Build(DynamoOperation.PutItem, isRead: false, isInsert: true, w =>
        {
            w.WriteString("TableName", table.Name);
            w.WritePropertyName("Item");
            w.WriteStartObject();
            foreach (var (name, value) in insert.Item)
            {
                w.WritePropertyName(name);
                values.Write(w, value);
            }

            w.WriteEndObject();
            var names = new Names();
            w.WriteString("ConditionExpression", $"attribute_not_exists({names.Of(table.HashKey)})");
            names.Write(w);
            Common(w, options, write: true);
        });

    private static TranslatedStatement Update(UpdateStatement update, TableInfo table, StatementOptions options, ValueWriter values)
    {
        var (key, others) = FullKey(update.Where, table);
        return Build(DynamoOperation.UpdateItem, isRead: false, isInsert: false, w =>
        {
            w.WriteString("TableName", table.Name);
            WriteKey(w, table, key, values);
            var names = new Names();
            var placeholders = new List<(string Name, Operand Value)>();
            var clauses = new List<string>();
            if (update.Set.Count > 0)
                clauses.Add("SET " + string.Join(", ", update.Set.Select(s => $"{names.Of(s.Key)} = {Placeholder(placeholders, s.Value)}")));
            if (update.Remove.Count > 0)
                clauses.Add("REMOVE " + string.Join(", ", update.Remove.Select(names.Of)));
            w.WriteString("UpdateExpression", string.Join(' ', clauses));
            string condition = $"attribute_exists({names.Of(table.HashKey)})";
            foreach (var other in others)
                condition += " AND " + ConditionText(other, names, placeholders);
            w.WriteString("ConditionExpression", condition);
            names.Write(w);
            WriteValues(w, values, placeholders);
            Common(w, options, write: true);
        });
    }

    private static TranslatedStatement Delete(DeleteStatement delete, TableInfo table, StatementOptions options, ValueWriter values)
    {
        var (key, others) = FullKey(delete.Where, table);
        return Build(DynamoOperation.DeleteItem, isRead: false, isInsert: false, w =>
        {
            w.WriteString("TableName", table.Name);
            WriteKey(w, table, key, values);
            if (others.Count > 0)
            {
                // A missing item is no failure (nothing to delete); an item that fails the other conditions is.
                var names = new Names();
                var placeholders = new List<(string Name, Operand Value)>();
                w.WriteString("ConditionExpression", $"attribute_not_exists({names.Of(table.HashKey)}) OR ({string.Join(" AND ", others.Select(o => ConditionText(o, names, placeholders)))})");
                names.Write(w);
                WriteValues(w, values, placeholders);
            }

            Common(w, options, write: true);
        });
    }

    /// <summary>UPDATE and DELETE name one item: equality on every key attribute; the rest are conditions on it.</summary>
    private static (Dictionary<string, Operand> Key, List<Condition> Others) FullKey(IReadOnlyList<Condition> where, TableInfo table)
    {
        var key = new Dictionary<string, Operand>(StringComparer.Ordinal);
        var others = new List<Condition>();
        foreach (var condition in where)
        {
            if (table.IsTableKey(condition.Attribute) && condition is Comparison { Operator: ComparisonOperator.Equal } equality && !key.ContainsKey(condition.Attribute))
                key[condition.Attribute] = equality.Value;
            else
                others.Add(condition);
        }

        if (!key.ContainsKey(table.HashKey) || (table.RangeKey is not null && !key.ContainsKey(table.RangeKey)))
            throw new PartiqlException(Messages.MissingKeyEquality);
        return (key, others);
    }

    private static void WriteKey(Utf8JsonWriter w, TableInfo table, Dictionary<string, Operand> key, ValueWriter values)
    {
        w.WritePropertyName("Key");
        w.WriteStartObject();
        w.WritePropertyName(table.HashKey);
        values.Write(w, key[table.HashKey]);
        if (table.RangeKey is not null)
        {
            w.WritePropertyName(table.RangeKey);
            values.Write(w, key[table.RangeKey]);
        }

        w.WriteEndObject();
    }

    private static string KeyCondition(Condition sort, Names names, List<(string Name, Operand Value)> placeholders) => sort switch
    {
        BeginsWithCondition or BetweenCondition or Comparison => ConditionText(sort, names, placeholders),
        _ => throw new PartiqlException(Messages.Unsupported("this sort key condition")),
    };

    private static string ConditionText(Condition condition, Names names, List<(string Name, Operand Value)> placeholders) => condition switch
    {
        Comparison c => $"{names.Of(c.Attribute)} {Symbol(c.Operator)} {Placeholder(placeholders, c.Value)}",
        BetweenCondition b => $"{names.Of(b.Attribute)} BETWEEN {Placeholder(placeholders, b.Low)} AND {Placeholder(placeholders, b.High)}",
        BeginsWithCondition s => $"begins_with({names.Of(s.Attribute)}, {Placeholder(placeholders, s.Prefix)})",
        _ => throw new PartiqlException(Messages.Unsupported("this condition")),
    };

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    private static string Placeholder(List<(string Name, Operand Value)> placeholders, Operand value)
    {
        string name = ":v" + placeholders.Count.ToString(CultureInfo.InvariantCulture);
        placeholders.Add((name, value));
        return name;
    }

    private static void WriteValues(Utf8JsonWriter w, ValueWriter values, List<(string Name, Operand Value)> placeholders)
    {
        if (placeholders.Count == 0)
            return;
        w.WritePropertyName("ExpressionAttributeValues");
        w.WriteStartObject();
        foreach (var (name, value) in placeholders)
        {
            w.WritePropertyName(name);
            values.Write(w, value);
        }

        w.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter w, StatementOptions options, bool write)
    {
        if (options.ReturnConsumedCapacity is { } capacity)
            w.WriteString("ReturnConsumedCapacity", capacity);
        if (write && options.ReturnValuesOnConditionCheckFailure is { } onFailure)
            w.WriteString("ReturnValuesOnConditionCheckFailure", onFailure);
    }

    private static TranslatedStatement Build(DynamoOperation operation, bool isRead, bool isInsert, Action<Utf8JsonWriter> write)
    {
        using var buffer = new PooledBuffer(512);
        using (var writer = new Utf8JsonWriter(buffer, DynamoErrors.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return new TranslatedStatement(operation, operation.ToString(), buffer.Span.ToArray(), isRead, isInsert);
    }

    /// <summary>Attribute names as <c>#n0, #n1, …</c> placeholders, so reserved words (status, name, …) need no care.</summary>
    private sealed class Names
    {
        private readonly List<string> attributes = [];

        public string Of(string attribute)
        {
            int at = attributes.IndexOf(attribute);
            if (at < 0)
            {
                at = attributes.Count;
                attributes.Add(attribute);
            }

            return "#n" + at.ToString(CultureInfo.InvariantCulture);
        }

        public void Write(Utf8JsonWriter w)
        {
            if (attributes.Count == 0)
                return;
            w.WritePropertyName("ExpressionAttributeNames");
            w.WriteStartObject();
            for (int i = 0; i < attributes.Count; i++)
                w.WriteString("#n" + i.ToString(CultureInfo.InvariantCulture), attributes[i]);
            w.WriteEndObject();
        }
    }

    /// <summary>Writes an operand as an AttributeValue: the request's parameter as sent, or the literal typed.</summary>
    private sealed class ValueWriter(JsonElement? parameters)
    {
        public void Write(Utf8JsonWriter w, Operand operand)
        {
            switch (operand)
            {
                case ParameterOperand p:
                    parameters!.Value[p.Index].WriteTo(w);
                    break;
                case LiteralOperand literal:
                    w.WriteStartObject();
                    switch (literal.Kind)
                    {
                        case LiteralKind.String:
                            w.WriteString("S", literal.Text);
                            break;
                        case LiteralKind.Number:
                            w.WriteString("N", literal.Text.TrimStart('+'));
                            break;
                        case LiteralKind.Boolean:
                            w.WriteBoolean("BOOL", literal.Text == "true");
                            break;
                        default:
                            w.WriteBoolean("NULL", true);
                            break;
                    }

                    w.WriteEndObject();
                    break;
            }
        }
    }
}
