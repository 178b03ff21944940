import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** One operation of the node: its entry in the Operation dropdown, its fields, and its run. */
export interface KajabiOperation {
	option: INodePropertyOptions & { value: string; action: string };
	/** The operation's fields, without the resource and operation display conditions. */
	properties: INodeProperties[];
	/** Runs the operation for one input item and returns the JSON of its output items. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

export interface KajabiResource {
	option: INodePropertyOptions & { value: string };
	operations: KajabiOperation[];
	/** The operation selected when the resource is picked. */
	defaultOperation: string;
}
