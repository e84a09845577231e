namespace LoadLab.DynamoDb.Data.Schema;

/// <summary>One attribute a model writes; maps list their entries so templates can reach <c>{address.city}</c>.</summary>
public sealed record ModelField(string Name, FieldKind Kind, IReadOnlyList<ModelField>? Fields = null);
