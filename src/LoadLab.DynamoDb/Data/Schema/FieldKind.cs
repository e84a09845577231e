namespace LoadLab.DynamoDb.Data.Schema;

/// <summary>What a model field holds, as far as templates, index keys and sizes care.</summary>
public enum FieldKind
{
    /// <summary>S.</summary>
    String,

    /// <summary>N.</summary>
    Number,

    /// <summary>S holding an ISO 8601 UTC time; templates format it as a date (<c>{createdAt:yyyy-MM}</c>).</summary>
    Date,

    /// <summary>B.</summary>
    Binary,

    /// <summary>BOOL.</summary>
    Bool,

    /// <summary>L.</summary>
    List,

    /// <summary>M; <see cref="ModelField.Fields"/> lists its entries.</summary>
    Map,

    /// <summary>SS.</summary>
    StringSet,

    /// <summary>NS.</summary>
    NumberSet,

    /// <summary>BS.</summary>
    BinarySet,
}

public static class FieldKinds
{
    /// <summary>The DynamoDB scalar type (S, N, B) a field of this kind can be a key of, or null.</summary>
    public static string? KeyType(this FieldKind kind) => kind switch
    {
        FieldKind.String or FieldKind.Date => "S",
        FieldKind.Number => "N",
        FieldKind.Binary => "B",
        _ => null,
    };

    /// <summary>How the kind reads in messages, e.g. "a number (N)".</summary>
    public static string Describe(this FieldKind kind) => kind switch
    {
        FieldKind.String => "a string (S)",
        FieldKind.Number => "a number (N)",
        FieldKind.Date => "a date (S, ISO 8601)",
        FieldKind.Binary => "binary (B)",
        FieldKind.Bool => "a boolean (BOOL)",
        FieldKind.List => "a list (L)",
        FieldKind.Map => "a map (M)",
        FieldKind.StringSet => "a string set (SS)",
        FieldKind.NumberSet => "a number set (NS)",
        FieldKind.BinarySet => "a binary set (BS)",
        _ => kind.ToString(),
    };
}
