export * from './failure';
export * from './kajabiApiRequest';
export * from './kajabiApiRequestAllItems';
export * from './pagination';
export * from './retryPolicy';
